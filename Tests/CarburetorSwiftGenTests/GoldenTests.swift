import CarburetorChecker
import CarburetorSchema
import CarburetorSwiftGen
import Foundation
import Testing

/// The generated Swift of every fixture equals its committed files, beside its
/// input or in the test target that compiles them
/// (`CARBURETOR_UPDATE_GOLDENS=1` rewrites them).
@Suite struct GoldenTests {
    @Test(arguments: Fixtures.names)
    func generatedSwiftMatchesGolden(fixture: String) throws {
        let schema = try Fixtures.schema(fixture: fixture)
        let files = SwiftGenerator().files(for: schema)
        #expect(files.map(\.path) == ["Models.swift", "SyncGroups.swift"])
        for file in files {
            let url = Fixtures.goldenFolder(of: fixture).appendingPathComponent(file.path)
            if Fixtures.shouldUpdateGoldens {
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(file.contents == expected, "\(fixture)/\(file.path) differs from the generator's output")
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
            if Fixtures.shouldUpdateGoldens {
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
            }
            #expect(try String(contentsOf: url, encoding: .utf8) == file.contents, "\(file.path) is stale")
        }
    }
}
