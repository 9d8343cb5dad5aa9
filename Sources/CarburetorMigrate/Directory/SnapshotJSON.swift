/// The snapshot's JSON, written by hand because `migrate new` on a large
/// schema spent about a third of its time in `JSONEncoder`. The bytes are
/// exactly those of `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` — the format snapshots have always had, so
/// existing directories do not change — which `SnapshotJSONTests` checks
/// against `JSONEncoder` itself.
indirect enum SnapshotJSON {
    case object([(key: String, value: SnapshotJSON)])
    case array([SnapshotJSON])
    case string(String)
    case integer(Int)
    case bool(Bool)
    /// Never written; read from a hand-edited snapshot.
    case null

    /// `value` when present; `nil` members are left out, as `encodeIfPresent` does.
    static func optional(_ value: String?) -> SnapshotJSON? { value.map(SnapshotJSON.string) }

    static func members(_ members: [(String, SnapshotJSON?)]) -> SnapshotJSON {
        .object(members.compactMap { key, value in value.map { (key: key, value: $0) } })
    }

    /// The member `key` of an object (the last, as JSONDecoder keeps).
    subscript(key: String) -> SnapshotJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    var string: String? { if case .string(let text) = self { text } else { nil } }
    var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    var integer: Int? { if case .integer(let number) = self { number } else { nil } }
    var array: [SnapshotJSON]? { if case .array(let elements) = self { elements } else { nil } }
    /// An optional member: absent or `null` is `nil`; anything but a string fails the read.
    func optionalString(_ key: String) -> String?? {
        switch self[key] {
        case nil, .null?: .some(nil)
        case .string(let text)?: .some(text)
        default: nil
        }
    }

    func rendered() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        write(to: &output, indentation: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], indentation: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let elements):
            output.append(contentsOf: "[\n".utf8)
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(contentsOf: ",\n".utf8) }
                Self.indent(indentation + 1, &output)
                element.write(to: &output, indentation: indentation + 1)
            }
            output.append(0x0A)
            Self.indent(indentation, &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(contentsOf: "{\n".utf8)
            // Sorted by UTF-8 bytes, as `.sortedKeys` sorts; the snapshot's
            // records list their members in that order already.
            let inOrder = zip(members, members.dropFirst()).allSatisfy {
                $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
            }
            let sorted = inOrder ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(contentsOf: ",\n".utf8) }
                Self.indent(indentation + 1, &output)
                Self.writeString(member.key, to: &output)
                output.append(contentsOf: " : ".utf8)
                member.value.write(to: &output, indentation: indentation + 1)
            }
            output.append(0x0A)
            Self.indent(indentation, &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ level: Int, _ output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// `"` and `\` escaped, `\b \t \n \f \r` short, other controls as
    /// `\u00xx`; everything else (slashes, DEL, non-ASCII) as it is.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: "\\\"".utf8)
            case 0x5C: output.append(contentsOf: "\\\\".utf8)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case ..<0x20:
                let hex = String(byte, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
