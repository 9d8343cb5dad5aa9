import CarburetorWire
import Foundation

/// JSON text to and from `WireValue` without the Codable machinery, which
/// cost more than the SQLite work when a sync applied or built thousands of
/// rows (a `JSONDecoder` of `WireValue` tries each type in turn).
///
/// A number that is a whole number and fits 64 bits (`42`, `2.0`, `1E+2`) is
/// an integer, any other a double, as the Codable path read them. Writing is
/// compact with keys in sorted order; a non-finite double, which JSON cannot
/// hold, is `null`. Writing is compact with keys in
/// sorted order; a non-finite double, which JSON cannot hold, is `null`.
enum WireJSONText {
    /// The document read by the wire module's `JSONTree`, numbers made exact
    /// integers where they are whole numbers that fit 64 bits.
    static func parse(_ data: Data) throws -> WireValue {
        try wireValue(JSONTree.parse([UInt8](data)))
    }

    static func wireValue(_ tree: JSONTree) throws -> WireValue {
        switch tree {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .number(let literal):
            if let integer = tree.integerValue { return .integer(integer) }
            guard let double = Double(literal), double.isFinite else { throw JSONTree.Malformed(offset: 0) }
            return .double(double)
        case .array(let elements): return .array(try elements.map(wireValue))
        case .object(let members):
            var object: [String: WireValue] = [:]
            for member in members { object[member.key] = try wireValue(member.value) }
            return .object(object)
        }
    }

    static func data(_ value: WireValue) -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(4_096)
        write(value, to: &output)
        return Data(output)
    }

    static func write(_ value: WireValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .double(let number):
            output.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8)
        case .string(let text): JSONTree.appendQuoted(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONTree.appendQuoted(key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(members[key]!, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
