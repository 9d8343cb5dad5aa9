import CarburetorWire
import Foundation
import GRDB

/// A JSON value as it travels on the wire, with integers kept exact (a
/// PostgreSQL `bigint` does not fit a `Double`, which `JSONValue` uses for
/// every number; so the generic engine cannot carry values as `JSONValue`).
public enum WireValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([WireValue])
    case object([String: WireValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Most common first: each failed attempt throws, and throwing is what costs.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode([String: WireValue].self) {
            self = .object(value)
        } else {
            self = .array(try container.decode([WireValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The members of an object, else `nil`.
    public var objectValue: [String: WireValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Compact JSON text, keys sorted.
    public var jsonText: String {
        // Every case is representable, so encoding cannot fail.
        String(decoding: (try? WireJSON.encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }
}

enum WireJSON {
    /// A JSON string literal, escaped by the wire module's one escaper.
    static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        JSONTree.appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode<Value: Encodable>(_ value: Value) throws -> Data { try encoder.encode(value) }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }

    /// A server's answer as a JSON object; `step` names it in the error.
    static func answerObject(_ data: Data, of step: String) throws -> [String: WireValue] {
        let value: WireValue
        do { value = try WireJSONText.parse(data) } catch {
            throw SyncStoreError.malformedResponse("the \(step) answer is not JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw SyncStoreError.malformedResponse("the \(step) answer is not a JSON object")
        }
        return object
    }
}

/// Why a value could not move between SQLite and the wire.
public struct WireValueError: Error, CustomStringConvertible, Sendable {
    public var table: String
    public var column: String
    public var rowID: String?
    public var problem: String

    public var description: String {
        "\(table).\(column)\(rowID.map { " of row \"\($0)\"" } ?? ""): \(problem)"
    }
}

extension LocalColumnType {
    /// The wire form of a value stored in SQLite.
    func wireValue(_ value: DatabaseValue) throws -> WireValue {
        switch value.storage {
        case .null:
            return .null
        case .int64(let integer):
            switch self {
            case .boolean: return .bool(integer != 0)
            case .real: return .double(Double(integer))
            case .integer: return .integer(integer)
            default: throw ConversionProblem("expected \(sqliteType), found an INTEGER")
            }
        case .double(let double):
            switch self {
            case .real: return .double(double)
            case .integer where double.rounded() == double: return .integer(Int64(double))
            default: throw ConversionProblem("expected \(sqliteType), found a REAL")
            }
        case .string(let text):
            switch self {
            case .text: return .string(text)
            case .json:
                do { return try WireJSON.decode(WireValue.self, from: Data(text.utf8)) } catch {
                    throw ConversionProblem("the stored text is not JSON")
                }
            default: throw ConversionProblem("expected \(sqliteType), found TEXT")
            }
        case .blob(let data):
            switch self {
            case .blob: return .string(data.base64EncodedString())
            case .text: return .string(String(decoding: data, as: UTF8.self))
            default: throw ConversionProblem("expected \(sqliteType), found a BLOB")
            }
        }
    }

    /// The SQLite form of a wire value.
    func databaseValue(_ value: WireValue) throws -> DatabaseValue {
        if value == .null { return .null }
        switch (self, value) {
        case (.text, .string(let text)): return text.databaseValue
        case (.integer, .integer(let integer)): return integer.databaseValue
        case (.integer, .double(let double)) where double.rounded() == double && abs(double) < 9.2e18:
            return Int64(double).databaseValue
        case (.real, .double(let double)): return double.databaseValue
        case (.real, .integer(let integer)): return Double(integer).databaseValue
        case (.boolean, .bool(let flag)): return flag.databaseValue
        case (.blob, .string(let text)):
            guard let data = Data(base64Encoded: text) else { throw ConversionProblem("expected base64") }
            return data.databaseValue
        case (.json, _): return value.jsonText.databaseValue
        default: throw ConversionProblem("expected a \(self.rawValue) value, got \(value.jsonText)")
        }
    }
}

struct ConversionProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
