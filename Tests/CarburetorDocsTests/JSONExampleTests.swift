import CarburetorCore
import CarburetorDocs
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
            let blocks = MarkdownInspection(text: page.contents).fences.filter { $0.language == "json" }
            try #require(blocks.count == 3, "\(group.name): expected initial request, incremental request, response")
            let values = try blocks.map { try JSONSerialization.jsonObject(with: Data($0.body.utf8), options: [.fragmentsAllowed]) }
            let tables = group.entries.compactMap { schema.table(named: $0.tableName) }

            let initial = try #require(values[0] as? [String: Any])
            #expect(Set(initial.keys) == Set(tables.map { $0.plural + "_offset" }))
            #expect(initial.values.allSatisfy { $0 is NSNull })

            let incremental = try #require(values[1] as? [String: Any])
            #expect(Set(incremental.keys) == Set(tables.map { $0.plural + "_offset" }))
            for value in incremental.values {
                #expect(Self.isRFC3339Micros(value as? String))
            }

            let response = try #require(values[2] as? [String: Any])
            #expect(Set(response.keys) == Set(tables.map(\.plural)))
            for table in tables {
                let member = try #require(response[table.plural] as? [String: Any])
                #expect(Set(member.keys) == ["cutoff_at", "data"])
                #expect(Self.isRFC3339Micros(member["cutoff_at"] as? String))
                let rows = try #require(member["data"] as? [[String: Any]])
                #expect(rows.count == 1)
                for row in rows {
                    #expect(Set(row.keys) == Set(table.serverColumns.map(\.name)))
                    for column in table.serverColumns {
                        #expect(Self.value(row[column.name], fits: column.type),
                                "\(table.name).\(column.name) = \(String(describing: row[column.name]))")
                    }
                }
            }
        }
    }

    /// Restricted columns show the same owner in every table of a group.
    @Test func restrictedColumnsShareTheContextValue() throws {
        let schema = HandBuiltSchemas.everyType
        let page = DocsGenerator().files(for: schema).first { $0.path == "groups/tenant_view.md" }!
        let response = try #require(MarkdownInspection(text: page.contents).fences.filter { $0.language == "json" }.last)
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
