import CarburetorWire
import Foundation
import Testing

/// The one JSON writer: escapes what JSON requires (as `JSONEncoder` does),
/// lays out readable documents for diagnostics and `JSONEncoder`'s pretty
/// printing for snapshots.
@Suite struct JSONDocumentTests {
    @Test func escapesOnlyWhatJSONRequires() {
        let value = JSONDocument.object([("a/b", .string("q\"\\\n\t\u{01}é/")), ("n", .null), ("e", .array([]))])
        #expect(value.rendered(.readable) == "{\n  \"a/b\": \"q\\\"\\\\\\n\\t\\u0001é/\",\n  \"n\": null,\n  \"e\": []\n}")
    }

    @Test func sortedStyleIsWhatJSONEncoderWrites() throws {
        struct Record: Encodable {
            var zeta = "\u{7F}\u{8}\u{C}\u{1F}/é"
            var alpha = [Int]()
            var middle = true
            var nested = ["b": 2, "a": 1]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Record()), as: UTF8.self)
        let record = Record()
        let document = JSONDocument.object([
            ("zeta", .string(record.zeta)), ("alpha", .array([])), ("middle", .bool(true)),
            ("nested", .object([("b", .integer(2)), ("a", .integer(1))])),
        ])
        #expect(document.rendered(.sortedLikeJSONEncoder) == expected)
    }

    @Test func membersLeaveOutWhatIsAbsentAndOptionalsWriteNull() {
        let document = JSONDocument.members([("kept", .integer(1)), ("gone", nil)])
        #expect(document.rendered(.readable) == "{\n  \"kept\": 1\n}")
        #expect(JSONDocument.optional(nil as String?).rendered(.readable) == "null")
        #expect(JSONDocument.optional(7 as Int?).rendered(.readable) == "7")
    }
}
