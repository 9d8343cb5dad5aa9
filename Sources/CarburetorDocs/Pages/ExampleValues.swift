import CarburetorSchema

/// Realistic, deterministic placeholder values of the right JSON type for
/// every column, used in the request and response examples. The same input
/// always gives the same values; nothing depends on the clock or randomness.
enum ExampleValues {
    /// The stamp of the example rows: before the cutoff, as every returned row is.
    static let rowStamp = "2026-01-15T09:29:58.123456Z"
    /// The cutoff of the example response, which becomes the next offset.
    static let cutoff = "2026-01-15T09:30:00.000000Z"
    /// The cutoff a follow-up download would report.
    static let laterCutoff = "2026-01-15T10:05:12.000000Z"

    /// A value for `column` of `table`. `contextValue` is the shared example
    /// value of the `$variable` restricting this column, if any, so that every
    /// restricted table of a group shows the same owner.
    static func value(for column: Column, in table: Table, contextValue: ExampleJSON? = nil) -> ExampleJSON {
        if let contextValue { return contextValue }
        switch column.role {
        case .id: return .string(uuid(seed: "id:" + table.name))
        case .syncStamp: return .string(rowStamp)
        case .softDelete: return .bool(false)
        case .regular, .dirtyFlag, .clientSyncMetadata: break
        }
        return value(for: column.type.scalar, named: column.name, seed: table.name + "." + column.name,
                     textDefault: textDefault(of: column))
    }

    /// The example value of a `$variable` of `type`.
    static func contextValue(variable: String, type: ScalarType) -> ExampleJSON {
        value(for: type, named: variable, seed: "$" + variable, textDefault: nil)
    }

    private static func textDefault(of column: Column) -> String? {
        if case .text(let text)? = column.sqlDefault { return text }
        return nil
    }

    private static func value(for scalar: ScalarType, named name: String, seed: String,
                              textDefault: String?) -> ExampleJSON {
        switch scalar {
        case .text: .string(text(named: name, seed: seed, textDefault: textDefault))
        case .smallInt: .number("3")
        case .integer: .number("42")
        case .bigInt: .number("1700000000123")
        case .float: .number("1.5")
        case .double: .number("48.8566")
        case .numeric: .string("19.99")
        case .bool: .bool(true)
        case .timestamptz: .string("2026-01-14T18:05:42.250000Z")
        case .timestamp: .string("2026-01-14T18:05:42.250000")
        case .date: .string("2026-01-14")
        case .time: .string("18:05:42")
        case .uuid: .string(uuid(seed: seed))
        case .jsonb, .json: .object([("theme", .string("dark")), ("tags", .array([.string("work")]))])
        case .bytea: .string("AAECAwQ=")
        }
    }

    /// Text that looks like what the column holds, guessed from its name.
    private static func text(named name: String, seed: String, textDefault: String?) -> String {
        let lower = name.lowercased()
        if lower.contains("email") { return "ada@example.com" }
        if lower.contains("phone") { return "+1 555 0100" }
        if lower.contains("url") || lower.contains("link") { return "https://example.com/ada" }
        if lower == "id" || lower.hasSuffix("_id") || name.hasSuffix("Id") {
            return uuid(seed: seed)
        }
        if lower == "first_name" || lower == "firstname" { return "Ada" }
        if lower == "last_name" || lower == "lastname" { return "Lovelace" }
        if lower.contains("username") || lower.contains("nickname") || lower == "handle" { return "ada" }
        if lower.contains("name") { return "Ada Lovelace" }
        if lower.contains("title") || lower.contains("subject") { return "Quarterly planning" }
        if lower.contains("note") || lower.contains("comment") { return "Prefers a call after lunch." }
        if lower.contains("body") || lower.contains("description")
            || lower.contains("message") || lower.contains("content") {
            return "See you at the station at six."
        }
        if let textDefault { return textDefault }
        return "sample " + name.split(separator: "_").joined(separator: " ")
    }

    /// A version-4-shaped UUID derived from `seed` with FNV-1a, so it is stable.
    static func uuid(seed: String) -> String {
        let high = fnv1a(seed + "#1")
        let low = fnv1a(seed + "#2")
        var bytes: [UInt8] = []
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: low >> UInt64(shift))) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
            .map { $0.joined() }
            .joined(separator: "-")
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
