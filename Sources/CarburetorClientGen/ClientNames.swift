import CarburetorSchema

/// Swift spellings of config names in device code.
enum ClientNames {
    /// Words that need backticks as a property or parameter name.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as",
        "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Type", "any", "some",
        "async", "package", "_",
    ]

    /// Members generated records have (or GRDB's protocols give them) that a property must not reuse.
    static let reservedMembers: Set<String> = [
        "databaseTableName", "syncedTable", "encode", "hashValue", "hash", "databaseDictionary", "insert",
        "update", "save", "delete", "exists", "upsert", "databaseSelection", "persistenceConflictPolicy",
        // A parameter named `self` would hide the instance in the initializer.
        "self", "Self", "Type", "Protocol",
    ]

    static func typeName(_ name: String) -> String { Naming.upperCamelCase(name) }

    /// The property of a column: lower camel case, renamed with a trailing
    /// underscore when it clashes with a generated member, escaped when a keyword.
    static func propertyName(_ name: String) -> String {
        let camel = Naming.lowerCamelCase(name)
        if reservedMembers.contains(camel) { return camel + "_" }
        return keywords.contains(camel) ? "`\(camel)`" : camel
    }

    /// A Swift string literal of a config name or text.
    static func stringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\u{\(String(scalar.value, radix: 16))}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
