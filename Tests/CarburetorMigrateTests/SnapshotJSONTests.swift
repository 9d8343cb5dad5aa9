import CarburetorChecker
import CarburetorSchema
import Foundation
import Testing
@testable import CarburetorMigrate
import CarburetorWire

/// The hand-written snapshot writer produces, byte for byte, what
/// `JSONEncoder` wrote before it (sorted keys, pretty printed, slashes
/// unescaped), so no existing snapshot changes.
@Suite struct SnapshotJSONTests {
    static func viaJSONEncoder(_ schema: Schema) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(SchemaSnapshot.Document(schema)), as: UTF8.self) + "\n"
    }

    static var hostileText: String {
        var text = "quote \" backslash \\ slash / tab\t"
        for value: UInt32 in [0, 1, 8, 10, 12, 13, 0x1B, 0x1F, 0x7F, 0x85, 0x2028, 0x2029] {
            text.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        return text + " é 😀 \u{301}"
    }

    static let schemas: [Schema] = [
        schema([]),
        schema([table("empty", [])], groups: [SyncGroup(name: "nothing", entries: [], contextVariables: [])]),
        schema([
            table("contact", doc: hostileText, [
                column("name", .text, doc: "A name.\nSecond line."),
                column("note", .text, nullable: true, default: .text(hostileText)),
                column("owner_id", .text, immutable: true),
                column("score", .numeric, default: .number("1.50")),
                column("seen", .timestamptz, default: .now),
                column("extra", .jsonb, default: .emptyJSON),
                column("maybe", .integer, nullable: true, default: .null),
                column("serial", .bigInt, default: .databaseSupplied),
            ]),
            table("category", plural: "categories", [column("label", .text)]),
        ], groups: [
            restrictedGroup("mobile", [("contact", "owner_id"), ("category", nil)]),
            restrictedGroup("all", [("category", nil)]),
        ]),
    ]

    @Test(arguments: 0..<schemas.count)
    func bytesAreJSONEncoders(index: Int) throws {
        let schema = Self.schemas[index]
        let written = SchemaSnapshot.encode(schema)
        #expect(written == (try Self.viaJSONEncoder(schema)))
        // And it reads back to the same schema.
        #expect(try SchemaSnapshot.decode(written, sourceName: schema.sourceName) == SchemaSnapshot.normalized(schema))
    }

    @Test func everyCommittedSnapshotIsRewrittenUnchanged() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let files = FileManager.default.enumerator(atPath: fixtures.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(SchemaSnapshot.fileName) } ?? []
        try #require(!files.isEmpty, "no committed snapshot found under \(fixtures.path)")
        for file in files {
            let text = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
            let (schema, legacy) = try SchemaSnapshot.decodeWithLayout(text, sourceName: "x")
            guard !legacy else { continue }
            #expect(SchemaSnapshot.encode(schema) == text, "\(file)")
        }
    }

    /// A snapshot edited by hand (other spacing, escapes, `null`s, members in
    /// another order, unknown members) reads as JSONDecoder reads it.
    @Test func aHandEditedSnapshotReadsAsJSONDecoderReadsIt() throws {
        let text = #"""
            { "groups": [ { "name": "g", "entries": [ { "table": "t", "restrictTo": null } ], "contextVariables": [] } ],
              "format": 2, "extra": [1, true, {"x": null}],
              "tables": [ { "plural": "ts", "name": "t", "pluralIsDefault": true, "documentation": "a\u00e9\ud83d\ude00\n\"q\"\/",
                "columns": [ { "name": "id", "type": "Text", "nullable": false, "role": "id", "synthesized": true,
                               "immutable": true, "sqlDefault": null },
                             { "name": "n", "type": "Numeric", "nullable": true, "role": "regular", "synthesized": false,
                               "immutable": false, "sqlDefault": { "kind": "number", "value": "1.5" } } ] } ] }
            """#
        let direct = try #require(SchemaSnapshot.Document(json: try JSONTree.parse(text)))
        let decoded = try JSONDecoder().decode(SchemaSnapshot.Document.self, from: Data(text.utf8))
        #expect(direct.schema(sourceName: "x") == decoded.schema(sourceName: "x"))
        #expect(direct.tables.first?.documentation == "a\u{e9}\u{1F600}\n\"q\"/")
    }

    /// What the direct reader declines still fails with JSONDecoder's explanation.
    @Test func aBrokenSnapshotIsStillAnError() {
        for text in [#"{"format": 2, "tables": [}"#, #"{"format": 2, "tables": [], "groups": [{"name": 1}]}"#,
                     #"{"format": 2, "tables": [{"name": "t"}], "groups": []}"#] {
            #expect(throws: (any Error).self) { _ = try SchemaSnapshot.decode(text, sourceName: "x") }
        }
    }
}
