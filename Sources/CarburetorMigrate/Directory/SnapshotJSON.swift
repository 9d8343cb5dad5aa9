import CarburetorWire

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

    /// `value` when present; `nil` members are left out, as `encodeIfPresent` does.
    static func optional(_ value: String?) -> SnapshotJSON? { value.map(SnapshotJSON.string) }

    static func members(_ members: [(String, SnapshotJSON?)]) -> SnapshotJSON {
        .object(members.compactMap { key, value in value.map { (key: key, value: $0) } })
    }

    func rendered() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        write(to: &output, indentation: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], indentation: Int) {
        switch self {
        case .string(let text): JSONTree.appendQuoted(text, to: &output)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
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
                JSONTree.appendQuoted(member.key, to: &output)
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
}
