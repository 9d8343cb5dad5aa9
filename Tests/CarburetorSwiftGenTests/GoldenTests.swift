import CarburetorChecker
import CarburetorSchema
import CarburetorSwiftGen
import CarburetorTestSupport
import Foundation
import Testing

/// The generated Swift of every fixture equals its committed files, beside its
/// input or in the test target that compiles them
/// (`CARBURETOR_UPDATE_GOLDENS=1` rewrites them).
@Suite struct GoldenTests {
    /// A parameterized test with no arguments passes without running.
    @Test func fixturesExist() {
        if let failure = Golden.requireCases(Fixtures.names, in: Fixtures.directory, atLeast: 3) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test(arguments: Fixtures.names)
    func generatedSwiftMatchesGolden(fixture: String) throws {
        let schema = try Fixtures.schema(fixture: fixture)
        let files = SwiftGenerator().files(for: schema)
        #expect(files.map(\.path) == ["Models.swift", "SyncGroups.swift"])
        for file in files {
            let url = Fixtures.goldenFolder(of: fixture).appendingPathComponent(file.path)
            if let failure = try Golden.compare(file.contents, with: url) {
                Issue.record("\(fixture), the generator's output: \(failure)")
            }
        }
    }

    @Test func outputIsDeterministicAndStandardOutputConcatenatesFiles() throws {
        let schema = try Fixtures.schema(fixture: "phone_book")
        let generator = SwiftGenerator()
        #expect(generator.files(for: schema) == generator.files(for: schema))
        let joined = generator.files(for: schema).map(\.contents).joined(separator: "\n")
        #expect(generator.standardOutput(for: schema) == joined)
    }
}

/// The end-to-end tests compile committed generated code; it must be what the
/// generator produces now (`CARBURETOR_UPDATE_GOLDENS=1` rewrites it).
@Suite struct EndToEndSampleGoldenTests {
    @Test func committedEndToEndSourcesMatchGenerator() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/CarburetorEndToEndTests/Generated")
        let schema = try Fixtures.schema(path: folder.appendingPathComponent("input.carb"), sourceName: "input.carb")
        for file in SwiftGenerator().files(for: schema) {
            let url = folder.appendingPathComponent(file.path)
            if let failure = try Golden.compare(file.contents, with: url) {
                Issue.record(Comment(rawValue: failure))
            }
        }
    }
}
