import CarburetorRuntime
import CarburetorTestSupport
import Foundation
import PostgresNIO

// MARK: - Upload

/// A row of `items` as the generated model reads it (columns in the order the
/// Swift backend emits them).
struct BenchmarkItem: SyncedRow {
    var id: String
    var name: String
    var note: String?
    var counter: Int32
    var ownerId: String
    var isDeleted: Bool
    var lastSyncedAt: Date

    static var syncedTable: SyncedTable {
        SyncedTable(name: "items", columns: ["id", "name", "note", "counter", "owner_id", "is_deleted", "last_synced_at"],
                    idColumn: "id", syncColumn: "last_synced_at", softDeleteColumn: "is_deleted")
    }

    init(reading row: inout PostgresRowReader) throws {
        id = try row.next()
        name = try row.next()
        note = try row.next()
        counter = try row.next()
        ownerId = try row.next()
        isDeleted = try row.next()
        lastSyncedAt = try row.next()
    }
}

/// What the Swift backend generates as `Item.Upload` for the benchmark config,
/// written out here because the benchmark compiles no generated files.
struct BenchmarkItemUpload: UploadableRow {
    var id: String
    var name: FieldUpdate<String> = .unchanged
    var note: FieldUpdate<String?> = .unchanged
    var counter: FieldUpdate<Int32> = .unchanged
    var ownerId: FieldUpdate<String> = .unchanged
    var isDeleted: FieldUpdate<Bool> = .unchanged
    var clocks: ColumnClocks = [:]

    init(id: String, name: FieldUpdate<String>, note: FieldUpdate<String?>, counter: FieldUpdate<Int32>,
         ownerId: FieldUpdate<String>, clocks: ColumnClocks) {
        self.id = id
        self.name = name
        self.note = note
        self.counter = counter
        self.ownerId = ownerId
        self.clocks = clocks
    }

    static var uploadTable: UploadTable {
        UploadTable(name: "items", idColumn: "id", syncColumn: "last_synced_at", columns: [
            UploadColumn(name: "name", sqlType: "text", isRequired: true, isImmutable: false),
            UploadColumn(name: "note", sqlType: "text", isRequired: false, isImmutable: false),
            UploadColumn(name: "counter", sqlType: "integer", isRequired: true, isImmutable: false),
            UploadColumn(name: "owner_id", sqlType: "text", isRequired: true, isImmutable: true),
            UploadColumn(name: "is_deleted", sqlType: "boolean", isRequired: false, isImmutable: false),
        ])
    }

    var postgresValues: [String: String?] {
        var values = UploadValues()
        values.add("name", name)
        values.add("note", note)
        values.add("counter", counter)
        values.add("owner_id", ownerId)
        values.add("is_deleted", isDeleted)
        return values.byColumn
    }

    init(id: String, storedRow row: BenchmarkItem, columns: Set<String>, clocks: ColumnClocks) {
        self.id = id
        name = columns.contains("name") ? .set(row.name) : .unchanged
        note = columns.contains("note") ? .set(row.note) : .unchanged
        counter = columns.contains("counter") ? .set(row.counter) : .unchanged
        ownerId = columns.contains("owner_id") ? .set(row.ownerId) : .unchanged
        isDeleted = columns.contains("is_deleted") ? .set(row.isDeleted) : .unchanged
        self.clocks = clocks
    }

    // The wire coding is not what is measured here.
    init(from decoder: any Decoder) throws { fatalError("not decoded in the benchmark") }
    func encode(to encoder: any Encoder) throws {}
}

/// 10,000 rows in batches of 1,000 through `TableUpload` (the per-column
/// Last-Writer-Wins merge the generated `upload` runs) vs the floor, a plain
/// `INSERT … ON CONFLICT DO UPDATE` of the same rows bound as arrays: once
/// creating the rows, once updating all of them with later clocks.
func uploadBenchmark(client: PostgresClient, database: TestDatabase) async throws -> [String] {
    let rowCount = 10_000
    let batchSize = 1_000
    let base = HLCTimestamp.server(at: Date()).microseconds - 60_000_000
    func batches(prefix: String, pass: Int) -> [[BenchmarkItemUpload]] {
        stride(from: 0, to: rowCount, by: batchSize).map { start in
            (start..<start + batchSize).map { index in
                let clock = HLCTimestamp(microseconds: base + Int64(pass), counter: 0, node: "bench")
                return BenchmarkItemUpload(
                    id: "\(prefix)-\(index)", name: .set("name \(index) pass \(pass)"), note: .set(nil),
                    counter: .set(Int32(pass)), ownerId: .set("owner"),
                    clocks: ["name": clock, "note": clock, "counter": clock, "owner_id": clock])
            }
        }
    }
    func runUpload(prefix: String, pass: Int) async throws -> Double {
        let work = batches(prefix: prefix, pass: pass)
        return try await timeAsync {
            for batch in work {
                let answers = try await GroupUpload.run(on: client) { session in
                    try await TableUpload.run(batch, in: &session)
                }
                precondition(answers.allSatisfy { $0.status == .accepted }, "an upload row was rejected")
            }
        }
    }
    func runFloor(prefix: String, pass: Int) async throws -> Double {
        let work = batches(prefix: prefix, pass: pass)
        let sql = """
            INSERT INTO items (id, name, note, counter, owner_id)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::text[])
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, note = EXCLUDED.note, counter = EXCLUDED.counter
            """
        return try await timeAsync {
            for batch in work {
                var binds = PostgresBindings()
                binds.append(batch.map(\.id))
                binds.append(batch.map { $0.name.newValue ?? "" })
                binds.append(batch.map { _ in "" })
                binds.append(batch.map { $0.counter.newValue ?? 0 })
                binds.append(batch.map { $0.ownerId.newValue ?? "" })
                try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Settings.logger)
            }
        }
    }
    var lines = ["", "Upload: \(rowCount) rows of items in batches of \(batchSize) (median of \(Settings.rounds))",
                 pad("", 34) + pad("upload (LWW)", 16) + pad("floor", 12) + "ratio"]
    var createUpload: [Double] = [], createFloor: [Double] = [], updateUpload: [Double] = [], updateFloor: [Double] = []
    for round in 0..<Settings.rounds {
        createUpload.append(try await runUpload(prefix: "up\(round)", pass: 1))
        createFloor.append(try await runFloor(prefix: "fl\(round)", pass: 1))
        updateUpload.append(try await runUpload(prefix: "up\(round)", pass: 2))
        updateFloor.append(try await runFloor(prefix: "fl\(round)", pass: 2))
    }
    for (label, upload, floor) in [("create (new ids)", createUpload, createFloor),
                                   ("merge (every column wins)", updateUpload, updateFloor)] {
        let up = median(upload), fl = median(floor)
        lines.append(pad(label, 34) + pad(String(format: "%.3f s", up), 16) + pad(String(format: "%.3f s", fl), 12)
                     + String(format: "%.2f×", up / fl))
    }
    return lines
}
