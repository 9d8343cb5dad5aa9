import CarburetorWire
import Foundation
import Testing

/// The one JSON reader: strict RFC 8259, members in order, numbers as their
/// literal text, and what it reads agrees with Foundation's reader.
@Suite struct JSONTreeTests {
    static let documents = [
        #"{}"#, #"[]"#, #"null"#, #"true"#, #"-0"#, #"0"#, #"42"#, #"1.5"#, #"-2.5e-3"#, #"1E+2"#, #""""#,
        #"{"b": [1, 2.0, "x", null, false, {"c": {}}], "a": "\u00e9\ud83d\ude00\n\t\"\\\/é😀"}"#,
        " { \"data\" : [ { \"id\" : \"p1\" , \"n\" : 1700000000123 } ] , \"has_more\" : false } ",
    ]

    /// The tree as Foundation objects, to compare with JSONSerialization.
    static func foundation(_ tree: JSONTree) -> NSObject {
        switch tree {
        case .null: NSNull()
        case .bool(let flag): NSNumber(value: flag)
        case .number(let literal): NSNumber(value: Double(literal)!)
        case .string(let text): text as NSString
        case .array(let elements): elements.map(foundation) as NSArray
        case .object(let members):
            Dictionary(members.map { ($0.key, foundation($0.value)) }, uniquingKeysWith: { _, last in last }) as NSDictionary
        }
    }

    @Test(arguments: documents)
    func agreesWithJSONSerialization(text: String) throws {
        let tree = try JSONTree.parse(text)
        let reference = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as! NSObject
        #expect(Self.foundation(tree) == reference, "\(text)")
    }

    @Test func keepsMemberOrderAndNumberText() throws {
        let tree = try JSONTree.parse(#"{"z": 1.50, "a": 2, "z": "last"}"#)
        guard case .object(let members) = tree else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "z"])
        #expect(members.first?.value.integerValue == nil)
        if case .number(let literal) = members[0].value { #expect(literal == "1.50") } else { Issue.record("no number") }
        #expect(tree["z"]?.stringValue == "last", "the last of repeated members, as JSONDecoder keeps")
        #expect(try JSONTree.parse("1E+2").integerValue == 100)
        #expect(try JSONTree.parse("9223372036854775807").integerValue == Int64.max)
    }

    @Test func refusesWhatIsNotJSON() {
        let nested = String(repeating: "[", count: JSONTree.maximumDepth + 1) + String(repeating: "]", count: JSONTree.maximumDepth + 1)
        for text in ["", " ", "{", "[1,]", #"{"a" 1}"#, "01", "-01", "+1", ".5", "1.", "1e", "1e+", "-", "nul", "tru",
                     "\"\u{1}\"", #""\x""#, #""\ud83d""#, #""\ud83dx""#, #""\u12G4""#, "[1] 2", #"{"a":1,}"#, nested] {
            #expect(throws: JSONTree.Malformed.self, "\(text.prefix(40))") { _ = try JSONTree.parse(text) }
        }
    }

    @Test func quotesAsJSONEncoderDoes() throws {
        var text = "q\"b\\s/é😀\u{7F}"
        for value: UInt32 in [0, 1, 8, 9, 10, 12, 13, 0x1F] { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        var quoted: [UInt8] = []
        JSONTree.appendQuoted(text, to: &quoted)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        #expect(String(decoding: quoted, as: UTF8.self) == String(decoding: try encoder.encode(text), as: UTF8.self))
        #expect(try JSONTree.parse(quoted).stringValue == text)
    }
}
