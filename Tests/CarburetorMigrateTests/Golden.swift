import Foundation
import Testing

/// Golden files under `Fixtures/<case>/`; `CARBURETOR_UPDATE_GOLDENS=1`
/// rewrites them instead of comparing.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func check(_ files: [(String, String)], in caseName: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = fixtures.appendingPathComponent(caseName)
        let update = ProcessInfo.processInfo.environment["CARBURETOR_UPDATE_GOLDENS"] == "1"
        for (path, contents) in files {
            let url = folder.appendingPathComponent(path)
            if update {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
                continue
            }
            let expected = try? String(contentsOf: url, encoding: .utf8)
            #expect(expected == contents, "golden \(caseName)/\(path) differs; rerun with CARBURETOR_UPDATE_GOLDENS=1 and review", sourceLocation: sourceLocation)
        }
    }
}
