import CarburetorWire
import Foundation
import GRDB

/// A Swift value of a synced column and its SQLite form, which is its wire
/// form (see `LocalColumnType`): generated records read and write columns
/// through it, so what a download stores and what an upload sends are the
/// same bytes the server uses — timestamps exact to the microsecond.
public protocol LocalValue: Sendable {
    var localDatabaseValue: DatabaseValue { get }
    init(localDatabaseValue: DatabaseValue) throws
}

/// A stored value that is not what its column's type holds.
public struct LocalValueError: Error, CustomStringConvertible, Sendable {
    public var expected: String
    public var found: String

    public var description: String { "expected \(expected), found \(found)" }

    init(_ expected: String, _ value: DatabaseValue) {
        self.expected = expected
        found = value.description
    }
}

extension Row {
    /// The value of `column` as generated records read it.
    public func localValue<Value: LocalValue>(_ column: Swift.String) throws -> Value {
        do {
            return try Value(localDatabaseValue: self[column] as DatabaseValue)
        } catch let error as LocalValueError {
            throw LocalValueError(expected: "\(error.expected) in column \(column)", found: error.found)
        }
    }
}

extension LocalValueError {
    init(expected: String, found: String) {
        self.expected = expected
        self.found = found
    }
}

extension Optional: LocalValue where Wrapped: LocalValue {
    public var localDatabaseValue: DatabaseValue { self?.localDatabaseValue ?? .null }
    public init(localDatabaseValue value: DatabaseValue) throws {
        self = value.isNull ? nil : try Wrapped(localDatabaseValue: value)
    }
}

/// Types whose SQLite form is GRDB's own.
private protocol NativeLocalValue: LocalValue, DatabaseValueConvertible {}

extension NativeLocalValue {
    public var localDatabaseValue: DatabaseValue { databaseValue }
    public init(localDatabaseValue value: DatabaseValue) throws {
        guard let decoded = Self.fromDatabaseValue(value) else { throw LocalValueError("\(Self.self)", value) }
        self = decoded
    }
}

extension String: LocalValue, NativeLocalValue {}
extension Int16: LocalValue, NativeLocalValue {}
extension Int32: LocalValue, NativeLocalValue {}
extension Int64: LocalValue, NativeLocalValue {}
extension Float: LocalValue, NativeLocalValue {}
extension Double: LocalValue, NativeLocalValue {}
extension Bool: LocalValue, NativeLocalValue {}
extension Data: LocalValue, NativeLocalValue {}

/// Types stored as their wire text.
private protocol TextLocalValue: LocalValue {
    var localText: String { get }
    init?(localText: String)
}

extension TextLocalValue {
    public var localDatabaseValue: DatabaseValue { localText.databaseValue }
    public init(localDatabaseValue value: DatabaseValue) throws {
        guard let text = String.fromDatabaseValue(value), let decoded = Self(localText: text) else {
            throw LocalValueError("\(Self.self) text", value)
        }
        self = decoded
    }
}

extension Date: LocalValue, TextLocalValue {
    var localText: String { RFC3339.string(from: self) }
    init?(localText: String) {
        guard let date = RFC3339.date(from: localText) else { return nil }
        self = date
    }
}

extension UUID: LocalValue, TextLocalValue {
    var localText: String { uuidString }
    init?(localText: String) { self.init(uuidString: localText) }
}

extension Decimal: LocalValue, TextLocalValue {
    var localText: String { description }
    init?(localText: String) { self.init(string: localText, locale: Locale(identifier: "en_US_POSIX")) }
}

extension CalendarDate: LocalValue, TextLocalValue {
    var localText: String { description }
    init?(localText: String) { self.init(localText) }
}

extension TimeOfDay: LocalValue, TextLocalValue {
    var localText: String { description }
    init?(localText: String) { self.init(localText) }
}

extension LocalDateTime: LocalValue, TextLocalValue {
    var localText: String { description }
    init?(localText: String) { self.init(localText) }
}

extension JSONValue: LocalValue, TextLocalValue {
    var localText: String { jsonText }
    init?(localText: String) { try? self.init(jsonText: localText) }
}
