import CarburetorRuntime
import Foundation
import NIOCore
import PostgresNIO
import Testing

/// Binary PostgreSQL coding, checked against values PostgreSQL itself sends.
@Suite struct PostgresValueTests {
    private func cell(_ bytes: [UInt8], _ type: PostgresDataType) -> PostgresCell {
        PostgresCell(bytes: ByteBuffer(bytes: bytes), dataType: type, format: .binary, columnName: "c", columnIndex: 0)
    }

    private func encoded<T: PostgresNonThrowingEncodable>(_ value: T) -> [UInt8] {
        var buffer = ByteBuffer()
        value.encode(into: &buffer, context: .default)
        return Array(buffer.readableBytesView)
    }

    @Test func calendarDateIsDaysSince2000() throws {
        // date '2000-01-02' is day 1; '1999-12-31' is day -1.
        #expect(try cell([0, 0, 0, 1], .date).decode(CalendarDate.self).description == "2000-01-02")
        #expect(try cell([255, 255, 255, 255], .date).decode(CalendarDate.self).description == "1999-12-31")
        #expect(encoded(CalendarDate("2000-01-02")!) == [0, 0, 0, 1])
        #expect(CalendarDate.psqlType == .date)
        #expect(throws: (any Error).self) { try cell([0, 0, 0, 1], .int4).decode(CalendarDate.self) }
    }

    @Test func timeOfDayIsMicrosecondsSinceMidnight() throws {
        let noonAndAMicrosecond: [UInt8] = [0, 0, 0, 0x0A, 0x0E, 0xEB, 0xB0, 0x01] // 43_200_000_001
        #expect(try cell(noonAndAMicrosecond, .time).decode(TimeOfDay.self).description == "12:00:00.000001")
        #expect(encoded(TimeOfDay("12:00:00.000001")!) == noonAndAMicrosecond)
        #expect(TimeOfDay.psqlType == .time)
    }

    @Test func localDateTimeIsMicrosecondsSince2000() throws {
        let oneSecond: [UInt8] = [0, 0, 0, 0, 0, 0x0F, 0x42, 0x40]
        #expect(try cell(oneSecond, .timestamp).decode(LocalDateTime.self).description == "2000-01-01T00:00:01")
        #expect(encoded(LocalDateTime("2000-01-01T00:00:01")!) == oneSecond)
        #expect(LocalDateTime.psqlType == .timestamp)
    }

    @Test func jsonValueReadsJsonAndJsonb() throws {
        let text = Array(#"{"a":[1,null]}"#.utf8)
        let expected: JSONValue = ["a": [1, nil]]
        #expect(try cell([1] + text, .jsonb).decode(JSONValue.self) == expected)
        #expect(try cell(text, .json).decode(JSONValue.self) == expected)
        #expect(encoded(expected) == [1] + text)
        #expect(throws: (any Error).self) { try cell([2] + text, .jsonb).decode(JSONValue.self) }
    }

    @Test func optionalCellsDecodeNull() throws {
        let null = PostgresCell(bytes: nil, dataType: .date, format: .binary, columnName: "c", columnIndex: 0)
        #expect(try null.decode(CalendarDate?.self) == nil)
    }
}
