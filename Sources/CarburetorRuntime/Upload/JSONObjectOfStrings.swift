import CarburetorWire

/// Reads a flat JSON object of strings — the clocks column as PostgreSQL
/// prints it, `{"name": "1768469398123456-00000-phone-a", …}` — with the wire
/// module's `JSONTree` rather than a `JSONDecoder`: it comes back for every
/// row an upload locks or writes. Members that are not strings are left out.
enum JSONObjectOfStrings {
    struct NotAnObject: Error, CustomStringConvertible {
        var text: String
        var description: String { "the stored clocks are not a JSON object: \(text.prefix(200))" }
    }

    static func parse(_ text: String) throws -> [(String, String)] {
        guard case .object(let members)? = try? JSONTree.parse(text) else { throw NotAnObject(text: text) }
        return members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }
    }
}
