import CarburetorChecker
import CarburetorSchema
import CarburetorDocs
import CarburetorRuntime
import Foundation
import Testing

/// The JSON examples decode with the runtime the generated code uses, and
/// every value is already in the canonical form the server would send
/// (re-encoding gives the same text), so a client developer can copy them.
@Suite struct RuntimeDecodingTests {
    /// Decodes one value through the runtime's wire coding, as generated models do.
    struct WireProbe<Value: WireCodable>: Decodable {
        var value: Value
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            value = try Value(fromWire: try container.superDecoder())
        }
    }

    static func decode<Value: WireCodable>(_ type: Value.Type, _ json: Any) throws -> Value {
        let data = try JSONSerialization.data(withJSONObject: [json], options: [.fragmentsAllowed])
        return try JSONDecoder().decode(WireProbe<Value>.self, from: data).value
    }

    /// The value re-encoded by the runtime, as text, for a canonical-form check.
    static func canonical(_ json: Any, as scalar: ScalarType) throws -> Any {
        switch scalar {
        case .text: try decode(String.self, json)
        case .smallInt: Int(try decode(Int16.self, json))
        case .integer: Int(try decode(Int32.self, json))
        case .bigInt: Int(try decode(Int64.self, json))
        case .float: Double(try decode(Float.self, json))
        case .double: try decode(Double.self, json)
        case .numeric: "\(try decode(Decimal.self, json))"
        case .bool: try decode(Bool.self, json)
        case .timestamptz: RFC3339.string(from: try decode(Date.self, json))
        case .timestamp: "\(try decode(LocalDateTime.self, json))"
        case .date: "\(try decode(CalendarDate.self, json))"
        case .time: "\(try decode(TimeOfDay.self, json))"
        case .uuid: try decode(UUID.self, json).uuidString.lowercased()
        case .jsonb, .json: try decode(JSONValue.self, json) != .null
        case .bytea: try decode(Data.self, json).base64EncodedString()
        }
    }

    @Test(arguments: Fixtures.names)
    func examplesDecodeWithTheRuntime(fixture: String) throws {
        let schema = try Fixtures.schema(fixture)
        var decodedValues = 0
        for file in DocsGenerator().files(for: schema) where file.path.hasPrefix("groups/") {
            let group = try #require(schema.groups.first { "groups/\($0.name).md" == file.path })
            let tables = group.entries.compactMap { schema.table(named: $0.tableName) }
            let blocks = MarkdownInspection(text: file.contents).fences.filter { $0.language == "json" }
            for (index, block) in blocks.enumerated() {
                let data = Data(block.body.utf8)
                let isResponse = index == 2 || index == 3
                guard isResponse else {
                    // Requests: every offset is a runtime timestamp (or null).
                    let request = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                    for table in tables {
                        if let offset = request[table.name + "_offset"] as? String {
                            #expect(RFC3339.string(from: try Self.decode(Date.self, offset)) == offset)
                        }
                    }
                    continue
                }
                // Responses: each member decodes as the runtime's page type.
                let pages = try JSONDecoder().decode([String: TablePage<[String: JSONValue]>].self, from: data)
                #expect(Set(pages.keys) == Set(tables.map(\.plural)))
                let raw = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
                for table in tables {
                    let page = try #require(pages[table.plural])
                    #expect(RFC3339.string(from: page.cutoffAt) == raw[table.plural]?["cutoff_at"] as? String)
                    let rows = try #require(raw[table.plural]?["data"] as? [[String: Any]])
                    for row in rows {
                        for column in table.serverColumns {
                            let value = try #require(row[column.name])
                            if value is NSNull { continue }
                            let reencoded = try Self.canonical(value, as: column.type.scalar)
                            decodedValues += 1
                            switch column.type.scalar {
                            case .jsonb, .json: #expect(reencoded as? Bool == true)
                            case .smallInt, .integer, .bigInt, .float, .double:
                                #expect((reencoded as? NSNumber)?.doubleValue == (value as? NSNumber)?.doubleValue)
                            case .bool: #expect(reencoded as? Bool == value as? Bool)
                            default:
                                #expect(reencoded as? String == value as? String,
                                        "\(table.name).\(column.name): \(value) is not in canonical form")
                            }
                        }
                    }
                }
            }
        }
        #expect(decodedValues > 0 || schema.groups.allSatisfy { $0.entries.isEmpty })
    }
}
