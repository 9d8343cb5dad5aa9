import Foundation
import Testing
@testable import CarburetorRuntime

/// The stored clocks come back as PostgreSQL prints `jsonb`; the direct
/// reader agrees with JSONDecoder on every such text, and what it does not
/// read itself still parses through JSONDecoder.
@Suite struct StoredClocksTests {
    static let texts = [
        #"{}"#,
        #"{"name": "1768469398123456-00000-phone-a"}"#,
        #"{"name": "1768469398123456-00000-phone-a", "note": "1768469398123456-00001-~server"}"#,
        #"{"we\"ird\\name": "x", "tab\there": "y", "é😀": "z", "ctl\u0001": "w", "sl\/": "v"}"#,
        #" { "a" : "b" } "#,
        #"{"pair": "\ud83d\ude00"}"#,
        #"{"n": 1, "s": "kept", "o": {"x": "y"}}"#,
    ]

    @Test(arguments: texts)
    func agreesWithJSONDecoder(text: String) throws {
        let parsed = Dictionary(uniqueKeysWithValues: try JSONObjectOfStrings.parse(text))
        let decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))
            .compactMapValues { value -> String? in if case .string(let string) = value { string } else { nil } }
        #expect(parsed == decoded)
    }

    @Test func notAnObjectIsAnError() {
        for text in ["", "[]", #"{"a": "b""#, "null"] {
            #expect(throws: JSONObjectOfStrings.NotAnObject.self) { _ = try JSONObjectOfStrings.parse(text) }
        }
    }

    @Test func clocksThatDoNotParseCountAsNone() throws {
        let clocks = try UploadStatements.parseClocks(#"{"name": "1768469398123456-00000-phone-a", "note": "junk"}"#)
        #expect(clocks.keys.sorted() == ["name"])
        #expect(clocks["name"]?.node == "phone-a")
    }
}
