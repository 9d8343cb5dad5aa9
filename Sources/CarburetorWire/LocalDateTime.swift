import Foundation

/// A date and time of day without a zone: the Swift type of a `Timestamp`
/// column (PostgreSQL `timestamp`). On the wire it is ISO 8601 without a zone,
/// `YYYY-MM-DDTHH:MM:SS[.ffffff]`.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let date: CalendarDate
    public let time: TimeOfDay

    public init(date: CalendarDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Microseconds since 1970-01-01T00:00:00 (no zone).
    public init(microsecondsSince1970 value: Int64) {
        let (days, micros) = CivilCalendar.floorDivide(value, by: CivilCalendar.microsecondsPerDay)
        date = CalendarDate(daysSince1970: days)
        time = TimeOfDay(microsecondsSinceMidnight: micros)!
    }

    public var microsecondsSince1970: Int64 {
        date.daysSince1970 * CivilCalendar.microsecondsPerDay + time.microsecondsSinceMidnight
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.f…]`; a space instead of `T` is accepted.
    public init?(_ text: String) {
        var scanner = TextScanner(text)
        guard let date = CalendarDate.scan(&scanner), scanner.skip(anyOf: "Tt "),
              let time = TimeOfDay.scan(&scanner), scanner.isAtEnd
        else { return nil }
        self.init(date: date, time: time)
    }

    public var description: String { "\(date)T\(time)" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = LocalDateTime(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DDTHH:MM:SS[.ffffff], got \"\(text)\""))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
