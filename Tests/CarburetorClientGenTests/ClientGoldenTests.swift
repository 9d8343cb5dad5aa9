import CarburetorClientGen
import CarburetorChecker
import CarburetorSchema
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
    @Test(arguments: ClientFixtures.names)
    func generatedClientCodeMatchesGolden(fixture: String) throws {
        let folder = ClientFixtures.goldenFolder(fixture)
        let schema = try ClientFixtures.schema(path: ClientFixtures.input(fixture), sourceName: "\(fixture)/input.carb")
        let files = ClientGenerator().files(for: schema)
        #expect(files.map(\.path) == ["ClientModels.swift", "ClientSyncGroups.swift"])
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            if ProcessInfo.processInfo.environment["CARBURETOR_UPDATE_GOLDENS"] == "1" {
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(file.contents == expected, "\(fixture)/\(file.path) differs from the generator's output")
        }
    }

    @Test func outputIsDeterministic() throws {
        let schema = try ClientFixtures.schema(path: ClientFixtures.input("phone_book"), sourceName: "input.carb")
        #expect(ClientGenerator().files(for: schema) == ClientGenerator().files(for: schema))
    }
}

