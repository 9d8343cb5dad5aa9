import Foundation
import CarburetorLanguageServer

/// The config most tests open.
enum Sample {
    static let text = """
        tables {
            /// A person the user can call.
            phone_book {
                name -> Text,
                #[immutable]
                owner_id -> Text,
                note -> Nullable<Text>,
            }
            user(plural = "people") {
                #[id]
                key -> Text,
            }
        }

        sync_groups {
            mobile {
                user,
                phone_book(restrict_to = $user_id, restrict_to_column = owner_id),
            }
        }

        """

    static let withUnknownType = text.replacingOccurrences(of: "note -> Nullable<Text>", with: "note -> Nullable<Txt>")
}

/// The protocol position (line, UTF-16 character) of the `nth` occurrence of
/// `needle` in `text`, plus `shift` characters.
func locate(_ needle: String, _ nth: Int = 1, in text: String = Sample.text, shift: Int = 0) -> (Int, Int) {
    var searchStart = text.startIndex
    var found: Range<String.Index>?
    for _ in 0..<nth {
        found = text.range(of: needle, range: searchStart..<text.endIndex)
        guard let match = found else { fatalError("'\(needle)' not found \(nth) times") }
        searchStart = match.upperBound
    }
    let prefix = text[..<found!.lowerBound]
    let line = prefix.filter { $0 == "\n" }.count
    let lineStart = prefix.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    return (line, text[lineStart..<found!.lowerBound].utf16.count + shift)
}

func at(_ location: (Int, Int), _ extra: [String: JSONValue] = [:]) -> JSONValue {
    TestClient.at(location.0, location.1, extra)
}

/// `"line:character"` of a location, to compare with `JSONValue.start`.
func text(_ location: (Int, Int)) -> String {
    "\(location.0):\(location.1)"
}
