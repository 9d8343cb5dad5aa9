import CarburetorSchema

/// A JSON value for the examples, printed with a stable key order (the
/// schema's), which a dictionary-based encoder could not promise.
indirect enum ExampleJSON: Equatable {
    case null
    case bool(Bool)
    /// A number as its JSON literal, so `19.99` is not turned into a binary float.
    case number(String)
    case string(String)
    case array([ExampleJSON])
    case object([(key: String, value: ExampleJSON)])

    static func == (lhs: ExampleJSON, rhs: ExampleJSON) -> Bool {
        lhs.pretty() == rhs.pretty()
    }

    /// Two-space indentation, one member per line.
    func pretty(indentation: String = "") -> String {
        let inner = indentation + "  "
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let literal): return literal
        case .string(let text): return Self.quoted(text)
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            let lines = elements.map { inner + $0.pretty(indentation: inner) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + indentation + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let lines = members.map { inner + Self.quoted($0.key) + ": " + $0.value.pretty(indentation: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indentation + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                // U+0085, U+2028 and U+2029 are escaped too: a line end to
                // JavaScript and to some editors, though not to JSON.
                if scalar.value < 0x20 || LineTerminators.isLineTerminator(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
