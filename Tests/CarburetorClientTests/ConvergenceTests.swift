import CarburetorClient
import CarburetorTestSupport
import CarburetorWire
import Foundation
import GRDB
import XCTest

/// A transport that sometimes fails before the server sees a request, and
/// sometimes after the server applied it (the answer is lost).
final class FlakyTransport: SyncTransport, @unchecked Sendable {
    let server: InMemoryServer
    private let lock = NSLock()
    private var random: SplitMix64
    var failing = true

    struct Dropped: Error {}

    init(server: InMemoryServer, seed: UInt64) {
        self.server = server
        random = SplitMix64(seed: seed)
    }

    private func roll() -> Int { lock.withLock { failing ? Int(random.next() % 6) : 5 } }

    func upload(group: String, body: Data) async throws -> Data {
        let dice = roll()
        if dice == 0 { throw Dropped() }
        let answer = try await server.upload(group: group, body: body)
        if dice == 1 { throw Dropped() }
        return answer
    }

    func download(group: String, body: Data) async throws -> Data {
        let dice = roll()
        if dice == 0 { throw Dropped() }
        let answer = try await server.download(group: group, body: body)
        if dice == 1 { throw Dropped() }
        return answer
    }
}

final class ConvergenceTests: XCTestCase {
    let table = PhoneBookFixture.phoneBooks
    let group = PhoneBookFixture.group

    func testThreeDevicesEditingOfflineConvergeThroughAFlakyTransport() async throws {
        for seed in [1, 2, 3] as [UInt64] {
            try await converge(seed: seed)
        }
    }

    private func converge(seed: UInt64) async throws {
        let directory = try TemporaryDirectory()
        let table = self.table
        let server = InMemoryServer(table: "phone_books", singular: "phone_book", requiredColumns: ["name"],
                                    defaults: ["note": .null, "is_deleted": false], pageSize: 3)
        var random = SplitMix64(seed: seed)
        let wall = ManualClock(microseconds: 1_733_130_000_000_000)
        let nodes = ["phone-a", "phone-b", "tablet-c"]
        let devices = try nodes.map { node in
            try SyncStore(writer: DatabaseQueue(path: directory.path("\(node).sqlite")), node: node, tables: [table], wallClock: wall.read)
        }
        let transports = nodes.indices.map { FlakyTransport(server: server, seed: seed * 10 + UInt64($0)) }
        // The oracle: per row and column, the value of the edit with the greatest clock.
        var oracle: [String: [String: (value: WireValue, clock: HLCTimestamp)]] = [:]
        var created = 0
        for _ in 0..<120 {
            // Device clocks drift apart: each reads the shared wall clock, which moves irregularly.
            wall.set(microseconds: 1_733_130_000_000_000 + Int64(random.next(below: 5_000_000)))
            let index = random.next(below: devices.count)
            let device = devices[index]
            if random.next(below: 4) == 0 {
                _ = try? await device.sync(group, transport: transports[index])
                continue
            }
            let ids = try await device.writer.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM phone_books ORDER BY id")
            }
            if ids.isEmpty || random.next(below: 5) == 0 {
                created += 1
                let number = created
                let id = "\(nodes[index])-\(created)"
                let name = WireValue.string("name \(created)")
                let clock = try await device.writer.write { db in
                    try device.insert(db, into: table, values: ["id": id.databaseValue, "name": "name \(number)".databaseValue])
                }
                oracle[id, default: [:]]["name"] = (name, clock)
                oracle[id, default: [:]]["is_deleted"] = (false, clock)
                continue
            }
            let id = ids[random.next(below: ids.count)]
            let edit: (String, WireValue)
            switch random.next(below: 5) {
            case 0: edit = ("name", .string("renamed \(random.next(below: 100))"))
            case 1: edit = ("note", .string("note \(random.next(below: 100))"))
            case 2: edit = ("note", .null)
            case 3: edit = ("is_deleted", true)
            default: edit = ("is_deleted", false)
            }
            let value: DatabaseValue = switch edit.1 {
            case .string(let text): text.databaseValue
            case .bool(let flag): flag.databaseValue
            default: .null
            }
            let clock = try await device.writer.write { db in
                try device.update(db, in: table, id: id, set: [edit.0: value])!
            }
            if LastWriterWins.incomingWins(clock, over: oracle[id]?[edit.0]?.clock) {
                oracle[id, default: [:]][edit.0] = (edit.1, clock)
            }
        }
        // Catch up over a reliable network: upload everything, then download everything.
        for transport in transports { transport.failing = false }
        for _ in 0..<2 {
            for (device, transport) in zip(devices, transports) {
                let report = try await device.sync(group, transport: transport)
                XCTAssertEqual(report.rejected, [])
            }
        }
        let serverRows = await server.rows
        XCTAssertEqual(Set(serverRows.keys), Set(oracle.keys), "seed \(seed)")
        for (id, columns) in oracle {
            for (column, entry) in columns {
                XCTAssertEqual(serverRows[id]?.values[column], entry.value, "seed \(seed): server \(id).\(column)")
            }
        }
        for device in devices {
            try await device.writer.read { db in
                XCTAssertEqual(try device.pendingRowCount(db), 0)
                for row in try Row.fetchAll(db, sql: "SELECT * FROM phone_books") {
                    let id: String = row["id"]
                    let server = serverRows[id]!
                    XCTAssertEqual(row["name"] as String?, server.values["name"]?.stringValue, "seed \(seed): \(device.node) \(id).name")
                    XCTAssertEqual(row["note"] as String?, server.values["note"]?.stringValue, "seed \(seed): \(device.node) \(id).note")
                    XCTAssertEqual(row["is_deleted"] as Bool, server.values["is_deleted"] == .bool(true), "seed \(seed): \(device.node) \(id).is_deleted")
                    XCTAssertEqual(row["updated_at"] as String?, server.stamp, "seed \(seed): \(device.node) \(id) stamp")
                }
                let live = Set(try device.fetchLiveRows(db, of: table).map { $0["id"] as String })
                XCTAssertEqual(live, Set(serverRows.filter { $0.value.values["is_deleted"] != .bool(true) }.keys), "seed \(seed): \(device.node)")
            }
        }
    }
}
