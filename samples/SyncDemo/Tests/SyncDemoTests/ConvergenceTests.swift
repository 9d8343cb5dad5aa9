import CarburetorClient
import CarburetorTestSupport
import Foundation
import GRDB
import SyncDemoClientKit
import SyncDemoServerKit
import Testing

/// A transport over real HTTP that sometimes fails before the request leaves
/// (the server never sees it) and sometimes after the server answered (it
/// applied the request, the device never hears of it).
final class FlakyHTTPTransport: SyncTransport, @unchecked Sendable {
    let base: HTTPSyncTransport
    private let lock = NSLock()
    private var random: SplitMix64
    private var failing = true
    private(set) var lostAnswers = 0
    private(set) var failedSends = 0

    struct Dropped: Error {}

    init(_ base: HTTPSyncTransport, seed: UInt64) {
        self.base = base
        random = SplitMix64(seed: seed)
    }

    func becomeReliable() { lock.withLock { failing = false } }

    /// 0: fail before sending, 1: lose the answer, else deliver.
    private func roll() -> Int {
        lock.withLock {
            guard failing else { return 5 }
            let dice = Int(random.next() % 6)
            if dice == 0 { failedSends += 1 }
            if dice == 1 { lostAnswers += 1 }
            return dice
        }
    }

    func upload(group: String, body: Data) async throws -> Data {
        try await deliver { try await self.base.upload(group: group, body: body) }
    }

    func download(group: String, body: Data) async throws -> Data {
        try await deliver { try await self.base.download(group: group, body: body) }
    }

    private func deliver(_ send: () async throws -> Data) async throws -> Data {
        let dice = roll()
        if dice == 0 { throw Dropped() }
        let answer = try await send()
        if dice == 1 { throw Dropped() }
        return answer
    }
}

/// Devices editing offline converge through the real server: four devices
/// (three of them one user's, editing the same rows), random edits of every
/// column type of todos.carb and soft deletes, syncs in random order over a
/// transport that fails before sending or loses answers. At the end every
/// device equals the server row for row and column by column, and both equal
/// the oracle: per column, the value of the edit with the greatest clock.
@Suite(.serialized) struct ConvergenceTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func devicesConvergeWithTheServer(seed: UInt64) async throws {
        try await DemoServer.with(pageSize: 3) { server in
            try await converge(seed: seed, server: server)
        }
    }

    /// One device of the run.
    struct Device {
        let node: String
        let user: String
        let device: TodoDevice
        let transport: FlakyHTTPTransport
    }

    /// The wall clock every device reads: the real time plus a seeded drift per reading.
    final class DriftingClock: @unchecked Sendable {
        private let lock = NSLock()
        private var offset: TimeInterval = 0
        func set(offset: TimeInterval) { lock.withLock { self.offset = offset } }
        func read() -> Date { lock.withLock { Date().addingTimeInterval(offset) } }
    }

    private func converge(seed: UInt64, server: DemoServer) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var random = SplitMix64(seed: seed)
        let wall = DriftingClock()
        let owners = [("alice-phone", "alice"), ("alice-laptop", "alice"), ("alice-tablet", "alice"), ("bob-phone", "bob")]
        let devices = try owners.enumerated().map { index, owner in
            let device = try TodoDevice(path: directory.path("\(owner.0).sqlite"), user: owner.1, node: owner.0,
                                        wallClock: { wall.read() })
            return Device(node: owner.0, user: owner.1, device: device,
                          transport: FlakyHTTPTransport(server.transport(user: owner.1), seed: seed &* 100 &+ UInt64(index)))
        }
        // The oracle: per row and column, the edit with the greatest clock.
        var oracle: [String: [String: (value: String, clock: HLCTimestamp)]] = [:]
        var owner: [String: String] = [:]
        var created = 0
        var syncs = 0, failedSyncs = 0, edits = 0
        var touched: [String: Set<String>] = [:]

        // Edits made later in time whose clock is older than the column's: the register must keep the older edit.
        var overruled = 0
        func record(_ id: String, _ values: ColumnValues, clock: HLCTimestamp) {
            for (column, value) in values {
                if LastWriterWins.incomingWins(clock, over: oracle[id]?[column]?.clock) {
                    oracle[id, default: [:]][column] = (value, clock)
                } else {
                    overruled += 1
                }
            }
        }

        for _ in 0..<160 {
            wall.set(offset: Double(Int(random.next() % 4_000_000)) / 1_000_000 - 2)
            let device = devices[Int(random.next() % UInt64(devices.count))]
            let dice = random.next() % 8
            if dice < 2 {
                syncs += 1
                do {
                    let report = try await device.device.sync(transport: device.transport)
                    #expect(report.rejected.isEmpty, "seed \(seed): \(device.node): \(report.rejected)")
                } catch is FlakyHTTPTransport.Dropped {
                    failedSyncs += 1
                }
                continue
            }
            let rows = try device.device.list(includeDeleted: true)
            if rows.isEmpty || dice == 2 {
                created += 1
                var todo = device.device.newTodo(title: "")
                todo.id = "\(device.node)-\(created)"
                RandomTodo.fill(&todo, columns: RandomTodo.editable, random: &random)
                let newRow = todo
                let clock = try await device.device.store.writer.write { db in
                    try device.device.store.insert(db, newRow, into: SyncDemoClientKit.Todo.syncedTable)
                }
                owner[todo.id] = device.user
                touched[device.node, default: []].insert(todo.id)
                var values = deviceColumns(todo)
                values["last_synced_at"] = nil
                record(todo.id, values, clock: clock)
                edits += 1
                continue
            }
            let row = rows[Int(random.next() % UInt64(rows.count))]
            let clock: HLCTimestamp?
            let changed: ColumnValues
            switch dice {
            case 3:
                clock = try await device.device.store.writer.write { db in
                    try device.device.store.delete(db, in: SyncDemoClientKit.Todo.syncedTable, id: row.id)
                }
                changed = ["is_deleted": "true"]
            case 4:
                clock = try await device.device.store.writer.write { db in
                    try device.device.store.undelete(db, in: SyncDemoClientKit.Todo.syncedTable, id: row.id)
                }
                changed = ["is_deleted": "false"]
            default:
                // One to three columns, drawn from every type; the same columns often, on purpose.
                var chosen: [String] = []
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    chosen.append(RandomTodo.editable[Int(random.next() % UInt64(RandomTodo.editable.count))])
                }
                var todo = row
                RandomTodo.fill(&todo, columns: chosen, random: &random)
                let values = deviceColumns(todo)
                let set = Dictionary(uniqueKeysWithValues: Set(chosen).map { ($0, RandomTodo.databaseValue(todo, $0)) })
                clock = try await device.device.store.writer.write { db in
                    try device.device.store.update(db, in: SyncDemoClientKit.Todo.syncedTable, id: row.id, set: set)
                }
                changed = values.filter { set.keys.contains($0.key) }
            }
            edits += 1
            touched[device.node, default: []].insert(row.id)
            if let clock { record(row.id, changed, clock: clock) }
        }

        // Catch up over a reliable network: every device uploads, then every device downloads.
        for device in devices { device.transport.becomeReliable() }
        for _ in 0..<2 {
            for device in devices {
                let report = try await device.device.sync(transport: device.transport)
                #expect(report.rejected.isEmpty, "seed \(seed): \(device.node)")
            }
        }
        #expect(failedSyncs > 0 && devices.contains { $0.transport.lostAnswers > 0 },
                "seed \(seed): the run should lose requests and answers")
        #expect(edits > 50 && syncs > 20)
        print("seed \(seed): \(edits) edits, \(syncs) syncs (\(failedSyncs) interrupted), "
            + "\(devices.map(\.transport.lostAnswers).reduce(0, +)) answers lost, \(overruled) column edits overruled by an older write's later clock, "
            + "\(oracle.count) rows")

        let serverRows = try await server.serverRows()
        let serverByID = Dictionary(uniqueKeysWithValues: serverRows.map { ($0.id, serverColumns($0)) })
        #expect(Set(serverByID.keys) == Set(oracle.keys), "seed \(seed)")
        for (id, entries) in oracle {
            for (column, entry) in entries {
                #expect(serverByID[id]?[column] == entry.value, "seed \(seed): server \(id).\(column)")
            }
            #expect(serverByID[id]?["owner_id"] == owner[id], "seed \(seed): \(id) owner")
            // Columns never edited keep the value the row was created with (all are set on creation here).
            #expect(Set(entries.keys).isSuperset(of: RandomTodo.editable + ["owner_id", "is_deleted"]))
        }
        for device in devices {
            let local = try device.device.list(includeDeleted: true)
            #expect(try device.device.unsentIDs().isEmpty, "seed \(seed): \(device.node) has unsent edits")
            expectDeviceMatchesServer(local, serverRows.filter { $0.ownerId == device.user },
                                      "seed \(seed): \(device.node)")
            // Every row the device created or edited reached it back, tombstones included.
            #expect(Set(local.map(\.id)).isSuperset(of: touched[device.node, default: []]),
                    "seed \(seed): \(device.node) lost a row it had")
        }
    }
}

/// Random values of every column type of todos.carb.
enum RandomTodo {
    static let editable = ["title", "notes", "priority", "done", "spent_minutes", "progress", "weight", "due_on", "remind_at"]

    static func fill(_ todo: inout SyncDemoClientKit.Todo, columns: [String], random: inout SplitMix64) {
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        for column in columns {
            switch column {
            case "title": todo.title = pick(["Buy milk", "Call Ada", "Écrire ✓", "", "quote \" and \\ back", "🚲 repair"])
                + " \(random.next() % 1000)"
            case "notes": todo.notes = pick([nil, "short", "line one\nline two", "ünïcødé \u{1F600}", ""])
            case "priority": todo.priority = pick([1, 2, 3, 4, 5, Int32.max, Int32.min, 0, -1])
            case "done": todo.done = random.next() % 2 == 0
            case "spent_minutes": todo.spentMinutes = pick([0, 15, Int64.max, Int64.min, 9_007_199_254_740_993, -42,
                                                            Int64(bitPattern: random.next())])
            case "progress": todo.progress = pick([0, 1, 0.1, 1.0 / 3, 1e-300, -2.5e300,
                                                   Double(random.next() % 1_000_000) / 997])
            case "weight": todo.weight = pick([0, 1, 0.1, 3.4028235e38, 1e-38, -7.25, Float(random.next() % 10_000) / 7])
            case "due_on": todo.dueOn = random.next() % 4 == 0 ? nil
                : CalendarDate(daysSince1970: Int64(random.next() % 200_000) - 100_000)
            case "remind_at":
                if random.next() % 4 == 0 {
                    todo.remindAt = nil
                } else {
                    // Microseconds since 1970 as RFC 3339 text: what both sides store exactly.
                    let micros = Int64(random.next() % 4_000_000_000_000_000)
                    let text = RFC3339.string(from: Date(timeIntervalSince1970: Double(micros / 1_000_000)))
                    let withFraction = text.replacingOccurrences(
                        of: #"(\.\d+)?Z$"#, with: String(format: ".%06dZ", Int(micros % 1_000_000)),
                        options: .regularExpression)
                    todo.remindAt = RFC3339.date(from: withFraction)
                }
            default: Issue.record("no random value for \(column)")
            }
        }
    }

    /// The SQLite value of a column of `todo`, as the record encodes it.
    static func databaseValue(_ todo: SyncDemoClientKit.Todo, _ column: String) -> DatabaseValue {
        (try? todo.databaseDictionary[column]) ?? .null
    }
}
