import Foundation

/// A value that can be a field of a wire (JSON) object. Most types use their
/// own `Codable`; `Date` is RFC 3339 with microseconds in UTC and `Decimal` an
/// exact string, whatever the encoder's strategies are, so generated models
/// produce the documented wire format through any `JSONEncoder`.
public protocol WireCodable: Sendable {
    init(fromWire decoder: any Decoder) throws
    func encodeWire(to encoder: any Encoder) throws
}

extension WireCodable where Self: Codable {
    public init(fromWire decoder: any Decoder) throws { try self.init(from: decoder) }
    public func encodeWire(to encoder: any Encoder) throws { try encode(to: encoder) }
}

extension String: WireCodable {}
extension Int16: WireCodable {}
extension Int32: WireCodable {}
extension Int64: WireCodable {}
extension Float: WireCodable {}
extension Double: WireCodable {}
extension Bool: WireCodable {}
extension UUID: WireCodable {}
extension CalendarDate: WireCodable {}
extension TimeOfDay: WireCodable {}
extension LocalDateTime: WireCodable {}
extension JSONValue: WireCodable {}

extension Data: WireCodable {
    // Base64, independent of the encoder's data strategy.
    public init(fromWire decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected base64"))
        }
        self = data
    }

    public func encodeWire(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(base64EncodedString())
    }
}

extension Date: WireCodable {
    public init(fromWire decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = RFC3339.date(from: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "expected an RFC 3339 timestamp, got \"\(text)\""))
        }
        self = date
    }

    public func encodeWire(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(RFC3339.string(from: self))
    }
}

extension Decimal: WireCodable {
    // A string, so no digit is lost to a binary floating-point number; a JSON
    // number is accepted on input.
    public init(fromWire decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  !value.isNaN || text == "NaN"
            else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "expected a decimal number, got \"\(text)\""))
            }
            self = value
        } else {
            self = try container.decode(Decimal.self)
        }
    }

    public func encodeWire(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}

/// Adapts a `WireCodable` value to `Codable` for the keyed containers.
struct WireBox<Value: WireCodable>: Codable {
    var value: Value
    init(_ value: Value) { self.value = value }
    init(from decoder: any Decoder) throws { value = try Value(fromWire: decoder) }
    func encode(to encoder: any Encoder) throws { try value.encodeWire(to: encoder) }
}

extension KeyedDecodingContainer {
    /// A required field.
    public func decodeWire<Value: WireCodable>(_ type: Value.Type = Value.self, forKey key: Key) throws -> Value {
        try decode(WireBox<Value>.self, forKey: key).value
    }

    /// A nullable field: absent or `null` is `nil`.
    public func decodeWire<Value: WireCodable>(_ type: Value?.Type = Value?.self, forKey key: Key) throws -> Value? {
        try decodeIfPresent(WireBox<Value>.self, forKey: key)?.value
    }

    /// A field whose absence means "use the default": `nil` when absent,
    /// otherwise the value.
    public func decodeWireIfPresent<Value: WireCodable>(_ type: Value.Type = Value.self, forKey key: Key) throws -> Value? {
        try decodeIfPresent(WireBox<Value>.self, forKey: key)?.value
    }

    /// A changeset field: absent is `.unchanged`.
    public func decodeFieldUpdate<Value: WireCodable & Hashable>(
        _ type: Value.Type = Value.self, forKey key: Key
    ) throws -> FieldUpdate<Value> {
        contains(key) ? .set(try decodeWire(Value.self, forKey: key)) : .unchanged
    }

    /// A changeset field of a nullable column: absent is `.unchanged`,
    /// `null` is `.set(nil)`.
    public func decodeFieldUpdate<Value: WireCodable & Hashable>(
        _ type: Value?.Type = Value?.self, forKey key: Key
    ) throws -> FieldUpdate<Value?> {
        guard contains(key) else { return .unchanged }
        return .set(try decodeWire(Value?.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// A required field.
    public mutating func encodeWire<Value: WireCodable>(_ value: Value, forKey key: Key) throws {
        try encode(WireBox(value), forKey: key)
    }

    /// A nullable field: `nil` is written as `null`.
    public mutating func encodeWire<Value: WireCodable>(_ value: Value?, forKey key: Key) throws {
        if let value {
            try encode(WireBox(value), forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }

    /// A field that is left out when `nil` (the database default applies).
    public mutating func encodeWireIfPresent<Value: WireCodable>(_ value: Value?, forKey key: Key) throws {
        if let value { try encode(WireBox(value), forKey: key) }
    }

    /// A changeset field: left out when unchanged.
    public mutating func encodeFieldUpdate<Value: WireCodable>(_ update: FieldUpdate<Value>, forKey key: Key) throws {
        if case .set(let value) = update { try encodeWire(value, forKey: key) }
    }

    /// A changeset field of a nullable column: left out when unchanged,
    /// `null` for `.set(nil)`.
    public mutating func encodeFieldUpdate<Value: WireCodable>(_ update: FieldUpdate<Value?>, forKey key: Key) throws {
        if case .set(let value) = update { try encodeWire(value, forKey: key) }
    }
}

// Insert models: a nullable column with a SQL default has three states,
// "database default" (absent), `null` and a value, so its property is `Value??`.
extension KeyedDecodingContainer {
    /// Absent is `nil` (database default), `null` is `.some(nil)`.
    public func decodeNullableWireIfPresent<Value: WireCodable>(
        _ type: Value.Type = Value.self, forKey key: Key
    ) throws -> Value?? {
        guard contains(key) else { return nil }
        return .some(try decodeWire(Value?.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// `nil` is left out (database default), `.some(nil)` is written as `null`.
    public mutating func encodeNullableWireIfPresent<Value: WireCodable>(_ value: Value??, forKey key: Key) throws {
        if case .some(let inner) = value { try encodeWire(inner, forKey: key) }
    }
}
