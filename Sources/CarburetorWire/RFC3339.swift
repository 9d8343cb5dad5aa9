import Foundation

/// RFC 3339 text for `Timestamptz` values (Swift `Date`): always UTC with six
/// fraction digits, e.g. `2024-05-01T12:34:56.123456Z`. Hand-written because
/// Foundation's ISO 8601 formatters stop at milliseconds, and sync offsets
/// must survive a round trip through JSON to the exact microsecond.
public enum RFC3339 {
    /// `2024-05-01T12:34:56.123456Z`.
    public static func string(from date: Date) -> String {
        string(fromMicrosecondsSince1970: Microseconds.since1970(date))
    }

    static func string(fromMicrosecondsSince1970 value: Int64) -> String {
        let (days, micros) = CivilCalendar.floorDivide(value, by: CivilCalendar.microsecondsPerDay)
        let date = CalendarDate(daysSince1970: days)
        let time = TimeOfDay(microsecondsSinceMidnight: micros)!
        return "\(date)T\(padded(time.hour, width: 2)):\(padded(time.minute, width: 2)):\(padded(time.second, width: 2))"
            + ".\(padded(time.microsecond, width: 6))Z"
    }

    /// Parses RFC 3339 (`Z` or a `±HH:MM` offset, up to nine fraction digits,
    /// rounded to the microsecond). `nil` when malformed.
    public static func date(from text: String) -> Date? {
        microsecondsSince1970(from: text).map(Microseconds.date(since1970:))
    }

    static func microsecondsSince1970(from text: String) -> Int64? {
        var scanner = TextScanner(text)
        guard let date = CalendarDate.scan(&scanner), scanner.skip(anyOf: "Tt "),
              let time = TimeOfDay.scan(&scanner)
        else { return nil }
        var offsetMinutes = 0
        if scanner.skip(anyOf: "Zz") {
            offsetMinutes = 0
        } else if let signByte = scanner.peek, scanner.skip(anyOf: "+-") {
            guard let hours = scanner.digits(2), scanner.skip(":"), let minutes = scanner.digits(2),
                  hours < 24, minutes < 60
            else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (signByte == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        guard scanner.isAtEnd else { return nil }
        let local = LocalDateTime(date: date, time: time).microsecondsSince1970
        return local - Int64(offsetMinutes) * 60 * CivilCalendar.microsecondsPerSecond
    }
}

/// Exact microsecond arithmetic for `Date`. A `Date` is a `Double` of seconds
/// since 2001; rounding to the nearest microsecond from that reference keeps
/// every value PostgreSQL stores exact through a round trip.
package enum Microseconds {
    /// Microseconds from 1970-01-01 to 2001-01-01 (Foundation's reference date).
    static let referenceOffset: Int64 = 978_307_200 * 1_000_000

    package static func since1970(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSinceReferenceDate * 1_000_000).rounded()) + referenceOffset
    }

    package static func date(since1970 value: Int64) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(value - referenceOffset) / 1_000_000)
    }
}
