import Foundation

/// A value in PostgreSQL's text input form, so an upload can send a whole
/// batch of rows of any column types as one `jsonb` document and let
/// PostgreSQL cast each field to its column's type (`"field"::numeric`).
public protocol PostgresTextRepresentable: Sendable {
    var postgresText: String { get }
}

extension String: PostgresTextRepresentable { public var postgresText: String { self } }
extension Int16: PostgresTextRepresentable { public var postgresText: String { String(self) } }
extension Int32: PostgresTextRepresentable { public var postgresText: String { String(self) } }
extension Int64: PostgresTextRepresentable { public var postgresText: String { String(self) } }
extension Bool: PostgresTextRepresentable { public var postgresText: String { self ? "true" : "false" } }
extension UUID: PostgresTextRepresentable { public var postgresText: String { uuidString } }
extension CalendarDate: PostgresTextRepresentable { public var postgresText: String { description } }
extension TimeOfDay: PostgresTextRepresentable { public var postgresText: String { description } }
extension LocalDateTime: PostgresTextRepresentable { public var postgresText: String { description } }
extension Date: PostgresTextRepresentable { public var postgresText: String { RFC3339.string(from: self) } }

extension Float: PostgresTextRepresentable {
    // Swift prints the shortest text that reads back as the same value;
    // PostgreSQL spells the special values its own way.
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}

extension Double: PostgresTextRepresentable {
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}

extension Decimal: PostgresTextRepresentable {
    public var postgresText: String { isNaN ? "NaN" : description }
}

extension Data: PostgresTextRepresentable {
    /// bytea's hex format: `\x0aff…`.
    public var postgresText: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        bytes.reserveCapacity(2 + count * 2)
        for byte in self {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension JSONValue: PostgresTextRepresentable {
    public var postgresText: String { jsonText }
}

extension Optional where Wrapped: PostgresTextRepresentable {
    /// `nil` is SQL NULL.
    public var postgresText: String? { self?.postgresText }
}
