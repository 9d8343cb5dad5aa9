import CarburetorChecker
import CarburetorSchema
import CarburetorDocs
import CarburetorTestSupport
import Foundation
import Testing

/// The whole output for each fixture, compared with the committed files.
/// `CARBURETOR_UPDATE_GOLDENS=1 swift test --filter CarburetorDocsTests` rewrites them.
@Suite struct GoldenTests {
    @Test func thereAreFixtures() {
        if let failure = Golden.requireCases(Fixtures.names, in: Fixtures.directory, atLeast: 3) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test(arguments: Fixtures.names)
    func outputMatchesGoldens(fixture: String) throws {
        let schema = try Fixtures.schema(fixture)
        let caseDirectory = Fixtures.directory.appendingPathComponent(fixture)
        let outDirectory = caseDirectory.appendingPathComponent("out")
        var expected = DocsGenerator().files(for: schema).map { ($0.path, $0.contents) }
        expected.append(("../stdout.md", DocsGenerator().standardOutput(for: schema)))

        // Rewriting starts from an empty folder, so files no longer generated go.
        if Golden.isUpdating { try? FileManager.default.removeItem(at: outDirectory) }
        for (path, contents) in expected {
            let url = outDirectory.appendingPathComponent(path).standardizedFileURL
            if let failure = try Golden.compare(contents, with: url) {
                Issue.record("\(fixture): \(failure)")
            }
        }
        // No stale golden files beside the ones generated now.
        let written = Set(expected.map(\.0).filter { !$0.hasPrefix("../") })
        let onDisk = Set(Self.files(under: outDirectory))
        #expect(onDisk == written)
    }

    @Test(arguments: Fixtures.names)
    func outputIsDeterministic(fixture: String) throws {
        let schema = try Fixtures.schema(fixture)
        #expect(DocsGenerator().files(for: schema) == DocsGenerator().files(for: schema))
        #expect(DocsGenerator().standardOutput(for: schema) == DocsGenerator().standardOutput(for: schema))
    }

    private static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
    }
}
