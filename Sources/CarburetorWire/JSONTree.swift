/// A JSON document as read, byte by byte, without the Codable machinery:
/// members keep their order and numbers their literal text, so each reader
/// decides what a number is (an exact 64-bit integer, a double).
///
/// The one JSON reader of the project. It is on the hot paths that a
/// `JSONDecoder` made slow: a download page applied on a device, the stored
/// clocks of every row an upload touches, a large schema's migration
/// snapshot. It follows RFC 8259 strictly and refuses nesting deeper than
/// `maximumDepth` instead of overflowing the stack.
public indirect enum JSONTree: Sendable {
    case null
    case bool(Bool)
    /// The number's literal text, as it stands in the document.
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([(key: String, value: JSONTree)])

    public static let maximumDepth = 512

    /// Where a document stops being JSON.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        public var offset: Int
        public init(offset: Int) { self.offset = offset }
        public var description: String { "malformed JSON at byte \(offset)" }
    }

    public static func parse(_ bytes: [UInt8]) throws -> JSONTree {
        var reader = JSONTreeReader(bytes: bytes)
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == bytes.count else { throw Malformed(offset: reader.position) }
        return value
    }

    public static func parse(_ text: String) throws -> JSONTree { try parse(Array(text.utf8)) }

    /// The member `key` of an object (the last one, as `JSONDecoder` keeps).
    public subscript(key: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    public var boolValue: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    public var arrayValue: [JSONTree]? { if case .array(let elements) = self { elements } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// A number that is a whole number: `42`, and also `2.0` or `1E+2`
    /// (as `JSONDecoder` reads them into an integer type).
    public var integerValue: Int64? {
        guard case .number(let literal) = self else { return nil }
        if let integer = Int64(literal) { return integer }
        guard let double = Double(literal), double == double.rounded(), abs(double) < 9.2e18 else { return nil }
        return Int64(double)
    }

    /// Appends `text` as a JSON string: `"` and `\` escaped, `\b \t \n \f \r`
    /// short, other control characters as `\u00xx`, everything else as it is
    /// (the form `JSONEncoder` writes with `.withoutEscapingSlashes`).
    public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
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

private struct JSONTreeReader {
    typealias Malformed = JSONTree.Malformed
    let bytes: [UInt8]
    var position = 0

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

    mutating func literal(_ word: StaticString, _ value: JSONTree) throws -> JSONTree {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Malformed(offset: position) }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw Malformed(offset: position)
        }
        position += count
        return value
    }

    mutating func value(depth: Int) throws -> JSONTree {
        guard depth < JSONTree.maximumDepth else { throw Malformed(offset: position) }
        skipSpace()
        guard position < bytes.count else { throw Malformed(offset: position) }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(key: String, value: JSONTree)] = []
            if take(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipSpace()
                let key = try string()
                guard take(UInt8(ascii: ":")) else { throw Malformed(offset: position) }
                members.append((key: key, value: try value(depth: depth + 1)))
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { throw Malformed(offset: position) }
            return .object(members)
        case UInt8(ascii: "["):
            position += 1
            var elements: [JSONTree] = []
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

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, strictly.
    mutating func number() throws -> JSONTree {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == 0x30) else {
            throw Malformed(offset: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw Malformed(offset: start) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw Malformed(offset: start) }
        }
        return .number(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    mutating func string() throws -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Malformed(offset: position) }
        position += 1
        var start = position
        // The text so far when an escape was met; most strings have none and
        // are made in one piece.
        var result: String?
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let tail = String(decoding: bytes[start..<position], as: UTF8.self)
                position += 1
                return result.map { $0 + tail } ?? tail
            }
            guard byte >= 0x20 else { throw Malformed(offset: position) }
            guard byte == UInt8(ascii: "\\") else { position += 1; continue }
            var text = (result ?? "") + String(decoding: bytes[start..<position], as: UTF8.self)
            guard position + 1 < bytes.count else { throw Malformed(offset: position) }
            let escaped = bytes[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "\""): text += "\""
            case UInt8(ascii: "\\"): text += "\\"
            case UInt8(ascii: "/"): text += "/"
            case UInt8(ascii: "b"): text += "\u{8}"
            case UInt8(ascii: "f"): text += "\u{C}"
            case UInt8(ascii: "n"): text += "\n"
            case UInt8(ascii: "r"): text += "\r"
            case UInt8(ascii: "t"): text += "\t"
            case UInt8(ascii: "u"):
                let unit = try hex4()
                if (0xD800..<0xDC00).contains(unit) {
                    // A surrogate pair: the low half must follow.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                          bytes[position + 1] == UInt8(ascii: "u") else { throw Malformed(offset: position) }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low),
                          let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else {
                        throw Malformed(offset: position)
                    }
                    text.unicodeScalars.append(scalar)
                } else {
                    guard let scalar = Unicode.Scalar(unit) else { throw Malformed(offset: position) }
                    text.unicodeScalars.append(scalar)
                }
            default: throw Malformed(offset: position - 1)
            }
            result = text
            start = position
        }
        throw Malformed(offset: position)
    }

    mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw Malformed(offset: position) }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw Malformed(offset: position)
            }
            value = value * 16 + digit
        }
        position += 4
        return value
    }
}
