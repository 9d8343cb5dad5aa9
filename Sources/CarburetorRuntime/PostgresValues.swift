import Foundation
import NIOCore
import PostgresNIO

// Binary PostgreSQL coding of the runtime's value types. PostgreSQL counts
// `date` in days and `time`/`timestamp` in microseconds, from 2000-01-01.

extension CalendarDate: PostgresNonThrowingEncodable, PostgresDecodable {
    public static var psqlType: PostgresDataType { .date }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(Int32(daysSince1970 - CivilCalendar.postgresEpochDays))
    }

    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .date, format == .binary, buffer.readableBytes == 4,
              let days = buffer.readInteger(as: Int32.self)
        else { throw PostgresDecodingError.Code.typeMismatch }
        guard days != Int32.max, days != Int32.min else { throw PostgresDecodingError.Code.failure } // ±infinity
        self.init(daysSince1970: Int64(days) + CivilCalendar.postgresEpochDays)
    }
}

extension TimeOfDay: PostgresNonThrowingEncodable, PostgresDecodable {
    public static var psqlType: PostgresDataType { .time }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(microsecondsSinceMidnight)
    }

    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .time, format == .binary, buffer.readableBytes == 8,
              let micros = buffer.readInteger(as: Int64.self)
        else { throw PostgresDecodingError.Code.typeMismatch }
        guard let time = TimeOfDay(microsecondsSinceMidnight: micros) else { throw PostgresDecodingError.Code.failure }
        self = time
    }
}

extension LocalDateTime: PostgresNonThrowingEncodable, PostgresDecodable {
    public static var psqlType: PostgresDataType { .timestamp }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(microsecondsSince1970 - CivilCalendar.postgresEpochDays * CivilCalendar.microsecondsPerDay)
    }

    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamp, format == .binary, buffer.readableBytes == 8,
              let micros = buffer.readInteger(as: Int64.self)
        else { throw PostgresDecodingError.Code.typeMismatch }
        guard micros != Int64.max, micros != Int64.min else { throw PostgresDecodingError.Code.failure } // ±infinity
        self.init(microsecondsSince1970: micros + CivilCalendar.postgresEpochDays * CivilCalendar.microsecondsPerDay)
    }
}

extension JSONValue: PostgresNonThrowingEncodable, PostgresDecodable {
    /// Bound as `jsonb`; a `json` column takes it through an assignment cast.
    public static var psqlType: PostgresDataType { .jsonb }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(UInt8(1)) // jsonb binary format version
        byteBuffer.writeString(jsonText)
    }

    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        switch (type, format) {
        case (.jsonb, .binary):
            guard buffer.readInteger(as: UInt8.self) == 1 else { throw PostgresDecodingError.Code.failure }
        case (.json, _), (.jsonb, .text):
            break
        default:
            throw PostgresDecodingError.Code.typeMismatch
        }
        let text = buffer.readString(length: buffer.readableBytes) ?? ""
        do {
            self = try JSONValue(jsonText: text)
        } catch {
            throw PostgresDecodingError.Code.failure
        }
    }
}

/// A `timestamptz` as exact microseconds since 1970, for sync stamps and
/// offsets: PostgresNIO's `Date` coding goes through floating point and may
/// be a microsecond off, which would repeat or skip rows at a page boundary.
struct ExactTimestamp: PostgresNonThrowingEncodable, PostgresDecodable, Sendable, Hashable {
    var microsecondsSince1970: Int64

    init(microsecondsSince1970: Int64) {
        self.microsecondsSince1970 = microsecondsSince1970
    }

    init(_ date: Date) {
        microsecondsSince1970 = Microseconds.since1970(date)
    }

    var date: Date { Microseconds.date(since1970: microsecondsSince1970) }

    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(microsecondsSince1970 - CivilCalendar.postgresEpochDays * CivilCalendar.microsecondsPerDay)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamptz, format == .binary, buffer.readableBytes == 8,
              let micros = buffer.readInteger(as: Int64.self)
        else { throw PostgresDecodingError.Code.typeMismatch }
        microsecondsSince1970 = micros + CivilCalendar.postgresEpochDays * CivilCalendar.microsecondsPerDay
    }
}

/// Reads a row's cells in select-list order; generated row initializers call
/// `next()` once per column.
public struct PostgresRowReader {
    private var iterator: PostgresRow.Iterator

    public init(_ row: PostgresRow) {
        iterator = row.makeIterator()
    }

    public mutating func next<Value: PostgresDecodable>(_ type: Value.Type = Value.self) throws -> Value {
        guard let cell = iterator.next() else {
            throw CarburetorError.invalidDatabaseValue(type: "\(Value.self)", detail: "the row has fewer columns than the model")
        }
        return try cell.decode(Value.self)
    }
}
