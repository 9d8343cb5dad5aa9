import CarburetorChecker
import CarburetorSchema
import CarburetorDocs
import CarburetorRuntime
import Foundation
import Testing

/// The request and response examples parse as JSON and carry exactly the
/// wire keys, with values of the JSON type each column promises.
@Suite struct JSONExampleTests {
    @Test(arguments: Fixtures.names)
    func examplesMatchTheWireFormat(fixture: String) throws {
        let schema = try Fixtures.schema(fixture)
        let files = DocsGenerator().files(for: schema)
        for group in schema.groups {
            let page = try #require(files.first { $0.path == "groups/\(group.name).md" })
            let tables = group.entries.compactMap { schema.table(named: $0.tableName) }
            let blocks = MarkdownInspection(text: page.contents).fences.filter { $0.language == "json" }
            // Initial request, incremental request, response; then, when the group has
            // tables, a response with a full page and the request that follows it.
            // Then the upload: request, response and, with tables, a rejected row.
            try #require(blocks.count == (tables.isEmpty ? 5 : 8), "\(group.name): \(blocks.count) JSON blocks")
            let values = try blocks.map { try JSONSerialization.jsonObject(with: Data($0.body.utf8)) }
            try Self.checkUpload(Array(values.suffix(tables.isEmpty ? 2 : 3)), group: group, tables: tables)

            let initial = try Self.checkRequest(values[0], tables: tables)
            #expect(initial.values.allSatisfy { $0 is NSNull })
            let incremental = try Self.checkRequest(values[1], tables: tables)
            for table in tables {
                #expect(Self.isRFC3339Micros(incremental[table.name + "_offset"] as? String))
                #expect(incremental[table.name + "_offset_id"] is NSNull)
            }
            let response = try Self.checkResponse(values[2], tables: tables)
            #expect(response.allSatisfy { $0.hasMore == false && $0.offsetID == nil })

            guard let first = tables.first else { continue }
            let paged = try Self.checkResponse(values[3], tables: tables)
            #expect(paged.map(\.hasMore) == [true] + Array(repeating: false, count: tables.count - 1))
            let next = try Self.checkRequest(values[4], tables: tables)
            // The next request carries the full page's cutoff and last id.
            #expect(next[first.name + "_offset"] as? String == paged[0].cutoff)
            #expect(next[first.name + "_offset_id"] as? String == paged[0].offsetID)
            #expect(paged[0].offsetID == paged[0].lastRowID)
        }
    }

    /// The upload request creates one row per table with exactly the columns
    /// an upload may set (a restricted table's restrict column left out, every
    /// column a new row needs present), each with a clock in the wire format;
    /// the response accepts each with the same clocks.
    static func checkUpload(_ values: [Any], group: SyncGroup, tables: [Table]) throws {
        let request = try #require(values[0] as? [String: Any])
        #expect(Set(request.keys) == Set(tables.map(\.plural)))
        let response = try #require(values[1] as? [String: Any])
        #expect(Set(response.keys) == Set(tables.map(\.plural) + ["server_clock"]))
        #expect(HLCTimestamp(try #require(response["server_clock"] as? String))?.node == HLCTimestamp.serverNode)
        for table in tables {
            let restricted = group.entries.first { $0.tableName == table.name }?.restriction?.columnName
            let rows = try #require(request[table.plural] as? [[String: Any]])
            let row = try #require(rows.first)
            #expect(Set(row.keys) == ["id", "set", "clocks"])
            let set = try #require(row["set"] as? [String: Any])
            let clocks = try #require(row["clocks"] as? [String: String])
            let expected = table.uploadableColumns.map(\.name).filter { $0 != restricted }
            #expect(Set(set.keys) == Set(expected), "\(table.name)")
            #expect(Set(clocks.keys) == Set(set.keys))
            #expect(clocks.values.allSatisfy { HLCTimestamp($0) != nil }, "\(clocks)")
            for column in table.uploadableColumns where column.name != restricted {
                #expect(Self.value(set[column.name], fits: column.type), "\(table.name).\(column.name)")
            }
            let answers = try #require(response[table.plural] as? [[String: Any]])
            let answer = try #require(answers.first)
            #expect(answer["status"] as? String == "accepted")
            #expect(answer["id"] as? String == row["id"] as? String)
            #expect(answer["clocks"] as? [String: String] == clocks)
        }
        if tables.count > 0 {
            let rejection = try #require(values[2] as? [String: Any])
            #expect(rejection["status"] as? String == "rejected")
            #expect(UploadRejectionCode(rawValue: rejection["code"] as? String ?? "") != nil)
        }
    }

    /// A request has exactly `<table>_offset` and `<table>_offset_id` per table.
    static func checkRequest(_ value: Any, tables: [Table]) throws -> [String: Any] {
        let request = try #require(value as? [String: Any])
        #expect(Set(request.keys) == Set(tables.flatMap { [$0.name + "_offset", $0.name + "_offset_id"] }))
        return request
    }

    struct PageSummary {
        var cutoff: String
        var hasMore: Bool
        var offsetID: String?
        var lastRowID: String?
    }

    /// A response has one member per table (by plural) with the page keys, and
    /// rows with exactly the server columns, each value of its column's JSON type.
    static func checkResponse(_ value: Any, tables: [Table]) throws -> [PageSummary] {
        let response = try #require(value as? [String: Any])
        #expect(Set(response.keys) == Set(tables.map(\.plural)))
        return try tables.map { table in
            let member = try #require(response[table.plural] as? [String: Any])
            #expect(Set(member.keys) == ["cutoff_at", "data", "has_more", "offset_id"])
            let cutoff = try #require(member["cutoff_at"] as? String)
            #expect(isRFC3339Micros(cutoff))
            let hasMore = try #require(member["has_more"] as? Bool)
            let rows = try #require(member["data"] as? [[String: Any]])
            #expect(rows.count == 1)
            for row in rows {
                #expect(Set(row.keys) == Set(table.serverColumns.map(\.name)))
                for column in table.serverColumns {
                    #expect(Self.value(row[column.name], fits: column.type),
                            "\(table.name).\(column.name) = \(String(describing: row[column.name]))")
                }
                // Every returned row is stamped no later than the cutoff.
                #expect((row[table.syncColumn.name] as? String ?? "~") <= cutoff)
            }
            return PageSummary(cutoff: cutoff, hasMore: hasMore, offsetID: member["offset_id"] as? String,
                               lastRowID: rows.last?[table.idColumn.name] as? String)
        }
    }

    /// Restricted columns show the same owner in every table of a group.
    @Test func restrictedColumnsShareTheContextValue() throws {
        let schema = HandBuiltSchemas.everyType
        let page = DocsGenerator().files(for: schema).first { $0.path == "groups/tenant_view.md" }!
        let blocks = MarkdownInspection(text: page.contents).fences.filter { $0.language == "json" }
        try #require(blocks.count > 2)
        let response = blocks[2]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
        let tenants = ["categories", "records"].compactMap { plural -> NSNumber? in
            let rows = (object[plural] as? [String: Any])?["data"] as? [[String: Any]]
            return rows?.first?["tenant"] as? NSNumber
        }
        #expect(tenants.count == 2)
        #expect(Set(tenants).count == 1)
    }

    static func isRFC3339Micros(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z/) != nil
    }

    static func value(_ value: Any?, fits columnType: ColumnType) -> Bool {
        guard let value else { return false }
        if value is NSNull { return columnType.isNullable }
        // JSONSerialization boxes `true`/`false` in this class on every platform.
        let isBoolean = String(describing: type(of: value)) == "__NSCFBoolean"
        let string = value as? String
        switch columnType.scalar {
        case .text: return string != nil
        case .smallInt, .integer, .bigInt: return (value as? NSNumber).map { !isBoolean && $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case .float, .double: return value is NSNumber && !isBoolean
        case .numeric: return string.flatMap { Decimal(string: $0) } != nil
        case .bool: return isBoolean
        case .timestamptz: return isRFC3339Micros(string)
        case .timestamp: return string?.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?/) != nil
        case .date: return string?.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil
        case .time: return string?.wholeMatch(of: /\d{2}:\d{2}:\d{2}(\.\d{1,6})?/) != nil
        case .uuid: return string.flatMap(UUID.init(uuidString:)) != nil
        case .jsonb, .json: return true
        case .bytea: return string.flatMap { Data(base64Encoded: $0) } != nil
        }
    }
}
