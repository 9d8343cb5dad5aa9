import Foundation
import XCTest
@testable import CarburetorClient

/// The direct JSON reader and writer of `WireValue` agree with the Codable
/// path they replace on the sync's hot paths.
final class WireJSONTextTests: XCTestCase {
    static let documents = [
        #"{}"#, #"[]"#, #"null"#, #"true"#, #"-0"#, #"0"#, #"42"#, #"-9223372036854775808"#,
        #"9223372036854775808"#, #"1.5"#, #"-2.5e-3"#, #"1E+2"#, #""""#,
        #"{"a": [1, 2.0, "x", null, false, {"b": {}}], "é😀": "\u00e9\ud83d\ude00\n\t\"\\\/"}"#,
        " { \"data\" : [ { \"id\" : \"p1\" , \"n\" : 1700000000123 } ] , \"has_more\" : false } ",
    ]

    func testReadsAsJSONDecoderReads() throws {
        for text in Self.documents {
            let direct = try WireJSONText.parse(Data(text.utf8))
            let decoded = try JSONDecoder().decode(WireValue.self, from: Data(text.utf8))
            XCTAssertEqual(direct, decoded, text)
        }
    }

    func testRefusesWhatIsNotJSON() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "01", "+1", ".5", "-", "nul", "\"\u{1}\"", "\"\\x\"",
                     "\"\\ud83d\"", "[1] 2", "{\"a\":1,}", String(repeating: "[", count: 600)] {
            XCTAssertThrowsError(try WireJSONText.parse(Data(text.utf8)), text)
        }
    }

    func testWrittenTextReadsBackAndMatchesTheEncoder() throws {
        for text in Self.documents {
            let value = try WireJSONText.parse(Data(text.utf8))
            let written = WireJSONText.data(value)
            XCTAssertEqual(try WireJSONText.parse(written), value, text)
            XCTAssertEqual(try JSONDecoder().decode(WireValue.self, from: written), value, text)
        }
        XCTAssertEqual(String(decoding: WireJSONText.data(.object(["b": .integer(1), "a": .double(.nan)])), as: UTF8.self),
                       #"{"a":null,"b":1}"#)
    }
}

/// A row's stored sync state reads back whatever JSON spelling it has, and a
/// broken one is an error, not a clean row.
final class RowSyncStateTests: XCTestCase {
    func testReadsWrittenAndHandEditedState() throws {
        let state = try RowSyncState(clocksJSON: #"{"we\"ird": "1768469398123456-00000-phone-a"}"#,
                                     dirtyJSON: #"[ "we\"ird" ]"#)
        XCTAssertEqual(state.dirty, ["we\"ird"])
        XCTAssertEqual(state.clocks["we\"ird"]?.node, "phone-a")
        let again = try RowSyncState(clocksJSON: state.clocksJSON, dirtyJSON: state.dirtyJSON)
        XCTAssertEqual(again, state)
    }

    func testBrokenStateIsAnError() {
        for (clocks, dirty) in [("{", "[]"), ("[]", "[]"), (#"{"a": 1}"#, "[]"), (#"{"a": "x"}"#, "[]"), ("{}", "[1]"), ("{}", "{}")] {
            XCTAssertThrowsError(try RowSyncState(clocksJSON: clocks, dirtyJSON: dirty), "\(clocks) \(dirty)")
        }
    }
}
