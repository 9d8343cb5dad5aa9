import CarburetorClient
import CarburetorWire
import Foundation

/// A small server for one table that follows Documentation/Sync.md (upload:
/// per-column Last-Writer-Wins by clock, `lost` answers; download: keyset
/// pages on (stamp, id), no tombstones on an initial sync). It lets the
/// client's sync loop run without PostgreSQL; the real server's behaviour is
/// tested by the end-to-end tests.
actor InMemoryServer: SyncTransport {
    struct StoredRow: Equatable {
        var values: [String: WireValue]
        var clocks: [String: HLCTimestamp]
        var stamp: String
    }

    let table: String
    let singular: String
    let requiredColumns: Set<String>
    let defaults: [String: WireValue]
    let pageSize: Int
    private(set) var rows: [String: StoredRow] = [:]
    private var micros: Int64 = 1_733_130_000_000_000
    private var tick: Int64 = 0

    init(table: String, singular: String, requiredColumns: Set<String>, defaults: [String: WireValue], pageSize: Int = 3) {
        self.table = table
        self.singular = singular
        self.requiredColumns = requiredColumns
        self.defaults = defaults
        self.pageSize = pageSize
    }

    private func nextStamp() -> String {
        tick += 1
        return Self.stamp(micros + tick * 1_000)
    }

    static func stamp(_ microseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(microseconds / 1_000_000))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let seconds = formatter.string(from: date).dropLast()
        let fraction = String(microseconds % 1_000_000)
        return seconds + "." + String(repeating: "0", count: 6 - fraction.count) + fraction + "Z"
    }

    func upload(group: String, body: Data) async throws -> Data {
        let request = try JSONDecoder().decode(WireValue.self, from: body).objectValue ?? [:]
        var results: [WireValue] = []
        if case .array(let uploads)? = request[table] {
            for upload in uploads {
                let fields = upload.objectValue ?? [:]
                let id = fields["id"]?.stringValue ?? ""
                let set = fields["set"]?.objectValue ?? [:]
                let clocks = (fields["clocks"]?.objectValue ?? [:]).compactMapValues { $0.stringValue.flatMap(HLCTimestamp.init) }
                guard var row = rows[id] ?? (requiredColumns.isSubset(of: set.keys)
                    ? StoredRow(values: defaults, clocks: [:], stamp: "") : nil)
                else {
                    results.append(["id": .string(id), "status": "rejected", "code": "not_found", "message": "no row"])
                    continue
                }
                var changed = rows[id] == nil
                var lostSet: [String: WireValue] = [:]
                var lostClocks: [String: WireValue] = [:]
                for (column, value) in set {
                    guard let clock = clocks[column] else { continue }
                    if LastWriterWins.incomingWins(clock, over: row.clocks[column]) {
                        row.values[column] = value
                        row.clocks[column] = clock
                        changed = true
                    } else if row.clocks[column] != clock {
                        lostSet[column] = row.values[column] ?? .null
                        lostClocks[column] = .string(row.clocks[column]!.description)
                    }
                }
                if changed { row.stamp = nextStamp() }
                rows[id] = row
                var result: [String: WireValue] = [
                    "id": .string(id), "status": "accepted", "last_synced_at": .string(row.stamp),
                    "clocks": .object(Dictionary(uniqueKeysWithValues: set.keys.map { ($0, WireValue.string(row.clocks[$0]!.description)) })),
                ]
                if !lostSet.isEmpty {
                    result["lost"] = ["id": .string(id), "set": .object(lostSet), "clocks": .object(lostClocks)]
                }
                results.append(.object(result))
            }
        }
        let serverClock = HLCTimestamp(microseconds: micros + tick * 1_000, node: HLCTimestamp.serverNode)
        return try JSONEncoder().encode(WireValue.object([table: .array(results), "server_clock": .string(serverClock.description)]))
    }

    func download(group: String, body: Data) async throws -> Data {
        let request = try JSONDecoder().decode(WireValue.self, from: body).objectValue ?? [:]
        let offset = request[singular + "_offset"]?.stringValue
        let offsetID = request[singular + "_offset_id"]?.stringValue
        let cutoff = Self.stamp(micros + tick * 1_000)
        var candidates = rows.filter { id, row in
            guard row.stamp <= cutoff else { return false }
            guard let offset else { return row.values["is_deleted"] != .bool(true) }
            if let offsetID { return (row.stamp, id) > (offset, offsetID) }
            return row.stamp > offset
        }.sorted { ($0.value.stamp, $0.key) < ($1.value.stamp, $1.key) }
        var page: [String: WireValue] = ["has_more": false, "offset_id": .null, "cutoff_at": .string(cutoff)]
        if candidates.count > pageSize {
            candidates = Array(candidates.prefix(pageSize))
            page["has_more"] = true
            page["offset_id"] = .string(candidates.last!.key)
            page["cutoff_at"] = .string(candidates.last!.value.stamp)
        }
        page["data"] = .array(candidates.map { id, row in
            var object = row.values
            object["id"] = .string(id)
            object["updated_at"] = .string(row.stamp)
            return .object(object)
        })
        return try JSONEncoder().encode(WireValue.object([table: .object(page)]))
    }
}

extension WireValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(dictionaryLiteral elements: (String, WireValue)...) {
        self = .object(Dictionary(uniqueKeysWithValues: elements))
    }
}
