import Foundation

/// JSON text to and from `WireValue` without the Codable machinery, which
/// cost more than the SQLite work when a sync applied or built thousands of
/// rows (a `JSONDecoder` of `WireValue` tries each type in turn).
///
/// Reading follows RFC 8259; a number that is a whole number and fits 64 bits
/// (`42`, `2.0`, `1E+2`) is an integer, any other a double, as the Codable
/// path read them. Writing is compact with keys in
/// sorted order; a non-finite double, which JSON cannot hold, is `null`.
enum WireJSONText {
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "malformed JSON at byte \(offset)" }
    }

    static func parse(_ data: Data) throws -> WireValue {
        var reader = Reader(bytes: [UInt8](data))
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw Malformed(offset: reader.position) }
        return value
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
        case .string(let text): writeString(text, to: &output)
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
                writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(members[key]!, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case ..<0x20:
                let hex = String(byte, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        /// Deeper nesting is refused rather than overflowing the stack.
        static let maximumDepth = 512

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A
                    || bytes[position] == 0x0D || bytes[position] == 0x09 {
                position += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func literal(_ word: String, _ value: WireValue) throws -> WireValue {
            let word = Array(word.utf8)
            guard position + word.count <= bytes.count, Array(bytes[position..<position + word.count]) == word else {
                throw Malformed(offset: position)
            }
            position += word.count
            return value
        }

        mutating func value(depth: Int) throws -> WireValue {
            guard depth < Self.maximumDepth else { throw Malformed(offset: position) }
            skipSpace()
            guard position < bytes.count else { throw Malformed(offset: position) }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [String: WireValue] = [:]
                if take(UInt8(ascii: "}")) { return .object(members) }
                repeat {
                    skipSpace()
                    let key = try string()
                    guard take(UInt8(ascii: ":")) else { throw Malformed(offset: position) }
                    members[key] = try value(depth: depth + 1)
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { throw Malformed(offset: position) }
                return .object(members)
            case UInt8(ascii: "["):
                position += 1
                var elements: [WireValue] = []
                if take(UInt8(ascii: "]")) { return .array(elements) }
                repeat {
                    elements.append(try value(depth: depth + 1))
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "]")) else { throw Malformed(offset: position) }
                return .array(elements)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try number()
            }
        }

        mutating func number() throws -> WireValue {
            let start = position
            var isInteger = true
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            let digitsStart = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte >= 0x30 && byte <= 0x39 {
                    position += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                    isInteger = false
                    position += 1
                } else {
                    break
                }
            }
            guard position > digitsStart else { throw Malformed(offset: start) }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            // JSON has no leading zeros ("01") and no leading "." or "+".
            let first = bytes[digitsStart]
            guard first >= 0x30, first <= 0x39,
                  !(first == 0x30 && position > digitsStart + 1 && bytes[digitsStart + 1] >= 0x30
                    && bytes[digitsStart + 1] <= 0x39) else { throw Malformed(offset: start) }
            if isInteger, let integer = Int64(text) { return .integer(integer) }
            guard let double = Double(text), double.isFinite else { throw Malformed(offset: start) }
            // As the Codable path read them: `2.0` and `1E+2` are integers.
            if double == double.rounded(), abs(double) < 9.2e18 { return .integer(Int64(double)) }
            return .double(double)
        }

        mutating func string() throws -> String {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Malformed(offset: position) }
            position += 1
            var start = position
            var result = ""
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    result += String(decoding: bytes[start..<position], as: UTF8.self)
                    position += 1
                    return result
                }
                guard byte >= 0x20 else { throw Malformed(offset: position) }
                guard byte == UInt8(ascii: "\\") else { position += 1; continue }
                result += String(decoding: bytes[start..<position], as: UTF8.self)
                guard position + 1 < bytes.count else { throw Malformed(offset: position) }
                let escaped = bytes[position + 1]
                position += 2
                switch escaped {
                case UInt8(ascii: "\""): result += "\""
                case UInt8(ascii: "\\"): result += "\\"
                case UInt8(ascii: "/"): result += "/"
                case UInt8(ascii: "b"): result += "\u{8}"
                case UInt8(ascii: "f"): result += "\u{C}"
                case UInt8(ascii: "n"): result += "\n"
                case UInt8(ascii: "r"): result += "\r"
                case UInt8(ascii: "t"): result += "\t"
                case UInt8(ascii: "u"):
                    let unit = try hex4()
                    if (0xD800..<0xDC00).contains(unit) {
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                              bytes[position + 1] == UInt8(ascii: "u") else { throw Malformed(offset: position) }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low),
                              let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else {
                            throw Malformed(offset: position)
                        }
                        result.unicodeScalars.append(scalar)
                    } else {
                        guard let scalar = Unicode.Scalar(unit) else { throw Malformed(offset: position) }
                        result.unicodeScalars.append(scalar)
                    }
                default: throw Malformed(offset: position - 1)
                }
                start = position
            }
            throw Malformed(offset: position)
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count,
                  let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                throw Malformed(offset: position)
            }
            position += 4
            return value
        }
    }
}
