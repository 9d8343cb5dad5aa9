import Foundation
import XCTest
@testable import CarburetorClient

/// The fast reader of the row state's JSON agrees with JSONDecoder on what it
/// accepts, and declines (so the caller falls back to JSONDecoder) on the rest.
final class FlatJSONTests: XCTestCase {
    func testAgreesWithJSONDecoderOnTheFlatForm() throws {
        for text in [#"[]"#, #"["a"]"#, #"["name","is_deleted","é😀"]"#] {
            let fast = try XCTUnwrap(FlatJSON.strings(text), text)
            XCTAssertEqual(fast, try JSONDecoder().decode([String].self, from: Data(text.utf8)))
        }
        for text in [#"{}"#, #"{"a":"b"}"#, #"{"name":"1768469398123456-00000-phone-a","note":"x"}"#] {
            let fast = try XCTUnwrap(FlatJSON.stringPairs(text), text)
            let decoded = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: fast), decoded)
        }
    }

    func testDeclinesWhatItDoesNotRead() {
        for text in [#"[ "a"]"#, #"["a\"b"]"#, #"["a",]"#, #"["a"] "#, #"["a""#, "[\"a\u{1}\"]", #"{"a":"b"}"#, ""] {
            XCTAssertNil(FlatJSON.strings(text), text)
        }
        for text in [#"{"a": "b"}"#, #"{"a":"b\n"}"#, #"{"a":1}"#, #"{"a":"b",}"#, #"["a"]"#, #"{"a":"b"}x"#] {
            XCTAssertNil(FlatJSON.stringPairs(text), text)
        }
    }

    func testStateWithEscapesStillReadsThroughJSONDecoder() throws {
        let state = try RowSyncState(clocksJSON: #"{"we\"ird":"1768469398123456-00000-phone-a"}"#,
                                     dirtyJSON: #"[ "we\"ird" ]"#)
        XCTAssertEqual(state.dirty, ["we\"ird"])
        XCTAssertEqual(state.clocks["we\"ird"]?.node, "phone-a")
        // And the state it writes reads back through the fast path.
        XCTAssertNotNil(FlatJSON.strings(RowSyncState(clocks: [:], dirty: ["a", "b"]).dirtyJSON))
    }
}
