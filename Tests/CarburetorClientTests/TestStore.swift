import CarburetorClient
import CarburetorWire
import Foundation
import GRDB
import XCTest

/// The phone book of Documentation/Sync.md's examples.
enum PhoneBookFixture {
    static let phoneBooks = SyncedTable(
        name: "phone_books", singularName: "phone_book", syncStampColumn: "updated_at",
        columns: [
            SyncedColumn("name", .text),
            SyncedColumn("note", .text, nullable: true),
        ])
    static let group = SyncGroupDescriptor(name: "mobile", tables: [phoneBooks])

    /// 2024-12-02T09:00:00.123456Z as microseconds: the documented clocks' physical part.
    static func date(microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(microseconds / 1_000_000)) + TimeInterval(microseconds % 1_000_000) / 1_000_000
    }
}

/// A wall clock a test sets.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var microseconds: Int64

    init(microseconds: Int64) { self.microseconds = microseconds }

    func set(microseconds: Int64) { lock.withLock { self.microseconds = microseconds } }

    func read() -> Date {
        let value = lock.withLock { microseconds }
        return Date(timeIntervalSince1970: Double(value / 1_000_000) + Double(value % 1_000_000) / 1_000_000)
    }
}

/// A temporary directory of real SQLite files, removed after the test.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("carburetor-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

func parseJSON(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> WireValue {
    try JSONDecoder().decode(WireValue.self, from: data)
}

func parseJSON(_ text: String) throws -> WireValue {
    try JSONDecoder().decode(WireValue.self, from: Data(text.utf8))
}

/// The first ```json block after `heading` in a file of Documentation/.
func documentedJSON(_ file: String, after heading: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Documentation").appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    guard let headingRange = text.range(of: "\n" + heading + "\n"),
          let start = text.range(of: "```json\n", range: headingRange.upperBound..<text.endIndex),
          let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex)
    else { throw NSError(domain: "documentedJSON", code: 1) }
    return String(text[start.upperBound..<end.lowerBound])
}
