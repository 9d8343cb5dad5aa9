import Foundation

/// Reads a flat JSON object of strings — the clocks column as PostgreSQL
/// prints it, `{"name": "1768469398123456-00000-phone-a", …}` — without a
/// decoder: it comes back for every row an upload locks or writes. Anything
/// the direct reader does not handle (a value that is not a string, a
/// surrogate escape) goes through `JSONDecoder`, and non-string values are
/// left out.
enum JSONObjectOfStrings {
    struct NotAnObject: Error, CustomStringConvertible {
        var text: String
        var description: String { "the stored clocks are not a JSON object: \(text.prefix(200))" }
    }

    static func parse(_ text: String) throws -> [(String, String)] {
        if let members = direct(Array(text.utf8)) { return members }
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)) else {
            throw NotAnObject(text: text)
        }
        return object.compactMap { key, value in
            if case .string(let string) = value { (key, string) } else { nil }
        }.sorted { $0.0 < $1.0 }
    }

    private static func direct(_ bytes: [UInt8]) -> [(String, String)]? {
        var position = 0
        func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }
        func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
        func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var scalars = String.UnicodeScalarView()
            var start = position
            var plain = true
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    defer { position += 1 }
                    if plain { return String(decoding: bytes[start..<position], as: UTF8.self) }
                    scalars.append(contentsOf: String(decoding: bytes[start..<position], as: UTF8.self).unicodeScalars)
                    return String(scalars)
                }
                if byte < 0x20 { return nil }
                guard byte == UInt8(ascii: "\\") else { position += 1; continue }
                plain = false
                scalars.append(contentsOf: String(decoding: bytes[start..<position], as: UTF8.self).unicodeScalars)
                guard position + 1 < bytes.count else { return nil }
                let escaped = bytes[position + 1]
                position += 2
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count,
                          let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(value) else { return nil }
                    scalars.append(scalar)
                    position += 4
                default: return nil
                }
                start = position
            }
            return nil
        }
        guard take(UInt8(ascii: "{")) else { return nil }
        var members: [(String, String)] = []
        if take(UInt8(ascii: "}")) {
            skipSpace()
            return position == bytes.count ? members : nil
        }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), let value = string() else { return nil }
            members.append((key, value))
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        skipSpace()
        return position == bytes.count ? members : nil
    }
}
