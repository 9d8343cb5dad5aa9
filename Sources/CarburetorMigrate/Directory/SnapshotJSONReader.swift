/// Reads a snapshot's JSON directly: `migrate new` and `migrate check` on a
/// large schema spent about a seventh of their time in `JSONDecoder`. It
/// reads any JSON document (a snapshot may have been edited by hand) into
/// `SnapshotJSON`; `nil` when the text is not JSON, and the caller then lets
/// `JSONDecoder` explain what is wrong.
struct SnapshotJSONReader {
    private let bytes: [UInt8]
    private var position = 0

    static func parse(_ text: String) -> SnapshotJSON? {
        var reader = SnapshotJSONReader(bytes: Array(text.utf8))
        guard let value = reader.value() else { return nil }
        reader.skipSpace()
        return reader.position == reader.bytes.count ? value : nil
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A
                || bytes[position] == 0x0D || bytes[position] == 0x09 {
            position += 1
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func take(word: String) -> Bool {
        let word = Array(word.utf8)
        guard position + word.count <= bytes.count, Array(bytes[position..<position + word.count]) == word else {
            return false
        }
        position += word.count
        return true
    }

    private mutating func value() -> SnapshotJSON? {
        skipSpace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(key: String, value: SnapshotJSON)] = []
            if take(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipSpace()
                guard let key = string(), take(UInt8(ascii: ":")), let member = value() else { return nil }
                members.append((key: key, value: member))
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? .object(members) : nil
        case UInt8(ascii: "["):
            position += 1
            var elements: [SnapshotJSON] = []
            if take(UInt8(ascii: "]")) { return .array(elements) }
            repeat {
                guard let element = value() else { return nil }
                elements.append(element)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .array(elements) : nil
        case UInt8(ascii: "\""):
            return string().map(SnapshotJSON.string)
        case UInt8(ascii: "t"):
            return take(word: "true") ? .bool(true) : nil
        case UInt8(ascii: "f"):
            return take(word: "false") ? .bool(false) : nil
        case UInt8(ascii: "n"):
            return take(word: "null") ? .null : nil
        default:
            // Integers only: the one number a snapshot holds is its format.
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            return Int(String(decoding: bytes[start..<position], as: UTF8.self)).map(SnapshotJSON.integer)
        }
    }

    /// A string at `position`, escapes decoded; `nil` on a malformed one.
    private mutating func string() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
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
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else { position += 1; continue }
            result += String(decoding: bytes[start..<position], as: UTF8.self)
            guard position + 1 < bytes.count else { return nil }
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
                guard let unit = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(unit) {
                    // A surrogate pair: the low half must follow.
                    guard take(word: "\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low),
                          let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else {
                        return nil
                    }
                    result.unicodeScalars.append(scalar)
                } else {
                    guard let scalar = Unicode.Scalar(unit) else { return nil }
                    result.unicodeScalars.append(scalar)
                }
            default: return nil
            }
            start = position
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            return nil
        }
        position += 4
        return value
    }
}
