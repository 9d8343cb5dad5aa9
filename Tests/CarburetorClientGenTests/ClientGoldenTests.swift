import CarburetorClientGen
import CarburetorChecker
import CarburetorSchema
import CarburetorTestSupport
import Foundation
import Testing

/// The fixtures: the Swift backend's inputs (`Tests/CarburetorSwiftGenTests/Fixtures/<name>/input.carb`),
/// with the expected `ClientModels.swift` and `ClientSyncGroups.swift` in the folder of the same
/// name beside this file — or, for `all_types`, in the client library's tests, which compile and
/// run them (`CARBURETOR_UPDATE_GOLDENS=1` rewrites them).
enum ClientFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let inputs = repositoryRoot.appendingPathComponent("Tests/CarburetorSwiftGenTests/Fixtures")

    static let names = ["all_types", "hostile_names", "phone_book"]

    static func input(_ name: String) -> URL {
        inputs.appendingPathComponent(name).appendingPathComponent("input.carb")
    }

    static func goldenFolder(_ name: String) -> URL {
        name == "all_types"
            ? repositoryRoot.appendingPathComponent("Tests/CarburetorClientTests/Generated")
            : directory.appendingPathComponent(name)
    }

    static func schema(path: URL, sourceName: String) throws -> Schema {
        let result = Frontend.compile(SourceFile(name: sourceName, text: try String(contentsOf: path, encoding: .utf8)))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(sourceName): \(errors.map { "\($0.code) \($0.message)" })")
        return try #require(result.schema)
    }
}

@Suite struct ClientGoldenTests {
    /// Every listed fixture's input is there (a moved folder fails here, not vacuously).
    @Test func fixturesExist() {
        let present = ClientFixtures.names.filter { FileManager.default.fileExists(atPath: ClientFixtures.input($0).path) }
        if let failure = Golden.requireCases(present, in: ClientFixtures.inputs, atLeast: ClientFixtures.names.count) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test(arguments: ClientFixtures.names)
    func generatedClientCodeMatchesGolden(fixture: String) throws {
        let folder = ClientFixtures.goldenFolder(fixture)
        let schema = try ClientFixtures.schema(path: ClientFixtures.input(fixture), sourceName: "\(fixture)/input.carb")
        let files = ClientGenerator().files(for: schema)
        #expect(files.map(\.path) == ["ClientModels.swift", "ClientSyncGroups.swift"])
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            if let failure = try Golden.compare(file.contents, with: url) {
                Issue.record("\(fixture), the generator's output: \(failure)")
            }
        }
    }

    @Test func outputIsDeterministic() throws {
        let schema = try ClientFixtures.schema(path: ClientFixtures.input("phone_book"), sourceName: "input.carb")
        #expect(ClientGenerator().files(for: schema) == ClientGenerator().files(for: schema))
    }
}

