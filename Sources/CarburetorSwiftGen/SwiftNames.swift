import CarburetorSchema
import Foundation

/// Swift spellings of config names: keywords escaped with backticks, clashes
/// with generated members renamed, and library types qualified when a model
/// of the same name would shadow them.
struct SwiftNames {
    /// Words that need backticks as a property, parameter or type name. Some
    /// are only contextual keywords; escaping those too is harmless and keeps
    /// every position (statement start, parameter list) safe.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate",
        "func", "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias",
        "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
        "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await",
        "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Type", "Protocol",
        "actor", "any", "some", "async", "package", "macro", "consume", "copy", "discard", "each",
        "get", "set", "willSet", "didSet", "lazy", "mutating", "nonmutating", "override", "required",
        "convenience", "dynamic", "final", "indirect", "optional", "weak", "unowned", "prefix", "postfix",
        "infix", "isolated", "sending", "_",
    ]

    /// Members the generator adds to models, requests and responses (or
    /// that their protocols require), which a property must not reuse.
    static let reservedMembers: Set<String> = [
        "hashValue", "hash", "encode", "syncedTable", "nextRequest", "hasMore", "newValue", "isUnchanged",
        "insert", "update", "clocks", "postgresValues", "uploadTable", "trustedInsert", "trustedUpdate",
    ]

    /// Library type names generated code uses, with the module that owns each.
    static let libraryTypes: [String: String] = [
        "String": "Swift", "Int16": "Swift", "Int32": "Swift", "Int64": "Swift", "Int": "Swift",
        "Float": "Swift", "Double": "Swift", "Bool": "Swift", "Codable": "Swift", "Sendable": "Swift",
        "Hashable": "Swift", "Identifiable": "Swift", "Decoder": "Swift", "Encoder": "Swift",
        "Date": "Foundation", "Data": "Foundation", "Decimal": "Foundation", "UUID": "Foundation",
        "CalendarDate": "CarburetorRuntime", "TimeOfDay": "CarburetorRuntime",
        "LocalDateTime": "CarburetorRuntime", "JSONValue": "CarburetorRuntime",
        "FieldUpdate": "CarburetorRuntime", "TablePage": "CarburetorRuntime",
        "TableDownload": "CarburetorRuntime", "RowRestriction": "CarburetorRuntime",
        "SyncedTable": "CarburetorRuntime", "SyncedRow": "CarburetorRuntime",
        "PostgresRowReader": "CarburetorRuntime", "WireKey": "CarburetorRuntime",
        "ColumnValues": "CarburetorRuntime", "TableWrite": "CarburetorRuntime",
        "UploadTable": "CarburetorRuntime", "UploadColumn": "CarburetorRuntime",
        "UploadableRow": "CarburetorRuntime", "UploadResult": "CarburetorRuntime",
        "ColumnClocks": "CarburetorRuntime", "UploadValues": "CarburetorRuntime",
        "TableUpload": "CarburetorRuntime", "GroupUpload": "CarburetorRuntime",
        "HLCTimestamp": "CarburetorRuntime", "Set": "Swift",
        "PostgresClient": "PostgresNIO",
    ]

    /// Model type names of the schema (unescaped).
    let modelNames: Set<String>

    init(schema: Schema) {
        modelNames = Set(schema.tables.map { Naming.upperCamelCase($0.name) })
    }

    /// `name` with backticks when it is a keyword.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A property name as an argument label at a call site, where only
    /// `inout`, `var` and `let` still need backticks.
    static func argumentLabel(_ propertyName: String) -> String {
        let bare = propertyName.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        return ["inout", "var", "let"].contains(bare) ? propertyName : bare
    }

    /// An initializer's parameter declaration `label name: Type` for a
    /// property: a parameter called `self` would shadow `self`, so it gets an
    /// internal name.
    static func parameter(_ propertyName: String, _ type: String) -> String {
        propertyName == "`self`" ? "`self` self_: \(type)" : "\(propertyName): \(type)"
    }

    /// The assignment of a parameter declared with `parameter(_:_:)`.
    static func assignment(_ propertyName: String) -> String {
        "self.\(propertyName) = \(propertyName == "`self`" ? "self_" : propertyName)"
    }

    /// The property name of a config name (column, `$variable`, plural).
    static func propertyName(_ configName: String) -> String {
        let name = Naming.lowerCamelCase(configName)
        return escaped(reservedMembers.contains(name) ? name + "_" : name)
    }

    /// The (escaped) model type name of a table.
    static func modelName(_ table: Table) -> String {
        escaped(Naming.upperCamelCase(table.name))
    }

    /// The namespace of a sync group.
    static func groupName(_ group: SyncGroup) -> String {
        escaped(Naming.upperCamelCase(group.name) + "SyncGroup")
    }

    /// A library type, module-qualified when a model has the same name.
    func library(_ name: String) -> String {
        guard modelNames.contains(name), let module = Self.libraryTypes[name] else { return name }
        return "\(module).\(name)"
    }

    /// The Swift type of a scalar column type.
    func swiftType(_ scalar: ScalarType) -> String {
        library(SwiftScalarTypes.name(of: scalar))
    }

    /// The Swift type of a column: `T` or `T?`.
    func swiftType(_ type: ColumnType) -> String {
        swiftType(type.scalar) + (type.isNullable ? "?" : "")
    }
}

/// A Swift string literal for `text`.
func swiftStringLiteral(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || LineTerminators.isLineTerminator(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

/// The Swift type generated code uses for each scalar type (before any
/// module qualification). The docs backend shows these same names.
public enum SwiftScalarTypes {
    public static func name(of scalar: ScalarType) -> String {
        switch scalar {
        case .text: "String"
        case .smallInt: "Int16"
        case .integer: "Int32"
        case .bigInt: "Int64"
        case .float: "Float"
        case .double: "Double"
        case .numeric: "Decimal"
        case .bool: "Bool"
        case .timestamptz: "Date"
        case .timestamp: "LocalDateTime"
        case .date: "CalendarDate"
        case .time: "TimeOfDay"
        case .uuid: "UUID"
        case .jsonb, .json: "JSONValue"
        case .bytea: "Data"
        }
    }
}
