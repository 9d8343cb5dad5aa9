/// A JSON document to write, built by hand so its bytes are the same on
/// every platform: the project's one JSON writer. Strings are escaped by
/// `JSONTree.appendQuoted`, the one escaper (the form `JSONEncoder` writes
/// with `.withoutEscapingSlashes`: control characters escaped, slashes and
/// non-ASCII text as they are).
public indirect enum JSONDocument: Sendable {
    /// Members in the order given (`Style.sortedLikeJSONEncoder` sorts them).
    case object([(key: String, value: JSONDocument)])
    case array([JSONDocument])
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null

    /// How a document is laid out. Both indent by two spaces and put one
    /// member or element on each line.
    public enum Style: Sendable {
        /// `"key": value`, members in the order given, empty containers as
        /// `[]` and `{}`: the diagnostics formats (`--format json`, SARIF).
        case readable
        /// The bytes of `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
        /// .withoutEscapingSlashes]`: `"key" : value`, members sorted by
        /// their UTF-8 bytes, an empty container on two lines (migration
        /// snapshots, whose format predates this writer).
        case sortedLikeJSONEncoder
    }

    /// `.string(text)`, or `.null` when there is no text.
    public static func optional(_ text: String?) -> JSONDocument {
        text.map(JSONDocument.string) ?? .null
    }

    /// `.integer(number)`, or `.null` when there is no number.
    public static func optional(_ number: Int?) -> JSONDocument {
        number.map(JSONDocument.integer) ?? .null
    }

    /// An object of the members that are present: `nil` values are left
    /// out, as `encodeIfPresent` does.
    public static func members(_ members: [(String, JSONDocument?)]) -> JSONDocument {
        .object(members.compactMap { key, value in value.map { (key: key, value: $0) } })
    }

    /// The document, without a final newline.
    public func rendered(_ style: Style) -> String {
        var output: [UInt8] = []
        write(to: &output, indentation: 0, style: style)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], indentation: Int, style: Style) {
        switch self {
        case .string(let text): JSONTree.appendQuoted(text, to: &output)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let elements):
            Self.writeContainer(elements, open: "[", close: "]", to: &output, indentation: indentation, style: style) {
                element, output in element.write(to: &output, indentation: indentation + 1, style: style)
            }
        case .object(let members):
            let ordered = style == .sortedLikeJSONEncoder ? Self.sortedByUTF8(members) : members
            let separator = style == .readable ? ": " : " : "
            Self.writeContainer(ordered, open: "{", close: "}", to: &output, indentation: indentation, style: style) {
                member, output in
                JSONTree.appendQuoted(member.key, to: &output)
                output.append(contentsOf: separator.utf8)
                member.value.write(to: &output, indentation: indentation + 1, style: style)
            }
        }
    }

    private static func writeContainer<Item>(_ items: [Item], open: Unicode.Scalar, close: Unicode.Scalar,
                                             to output: inout [UInt8], indentation: Int, style: Style,
                                             writeItem: (Item, inout [UInt8]) -> Void) {
        output.append(UInt8(ascii: open))
        if items.isEmpty, style == .readable {
            output.append(UInt8(ascii: close))
            return
        }
        output.append(0x0A)
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(contentsOf: ",\n".utf8) }
            indent(indentation + 1, &output)
            writeItem(item, &output)
        }
        output.append(0x0A)
        indent(indentation, &output)
        output.append(UInt8(ascii: close))
    }

    /// Sorted by UTF-8 bytes, as `.sortedKeys` sorts; records that list
    /// their members in that order already are not sorted again.
    private static func sortedByUTF8(_ members: [(key: String, value: JSONDocument)])
        -> [(key: String, value: JSONDocument)] {
        let inOrder = zip(members, members.dropFirst()).allSatisfy {
            $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
        }
        return inOrder ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private static func indent(_ level: Int, _ output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
