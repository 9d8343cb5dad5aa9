import Foundation

/// A time of day without date or zone, to the microsecond: the Swift type of
/// a `Time` column (PostgreSQL `time`). On the wire it is `HH:MM:SS` with an
/// optional `.ffffff` fraction.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Microseconds since midnight, `0..<86_400_000_000`. PostgreSQL's
    /// `24:00:00` is accepted from the database as the end of the day.
    public let microsecondsSinceMidnight: Int64

    public init?(microsecondsSinceMidnight: Int64) {
        guard (0...CivilCalendar.microsecondsPerDay).contains(microsecondsSinceMidnight) else { return nil }
        self.microsecondsSinceMidnight = microsecondsSinceMidnight
    }

    public init?(hour: Int, minute: Int, second: Int, microsecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0..<1_000_000).contains(microsecond)
        else { return nil }
        let seconds = Int64(hour * 3600 + minute * 60 + second)
        self.microsecondsSinceMidnight = seconds * CivilCalendar.microsecondsPerSecond + Int64(microsecond)
    }

    public var hour: Int { Int(microsecondsSinceMidnight / 3_600_000_000) }
    public var minute: Int { Int(microsecondsSinceMidnight / 60_000_000 % 60) }
    public var second: Int { Int(microsecondsSinceMidnight / 1_000_000 % 60) }
    public var microsecond: Int { Int(microsecondsSinceMidnight % 1_000_000) }

    /// Parses `HH:MM:SS[.f…]` (up to nine fraction digits, rounded to the microsecond).
    public init?(_ text: String) {
        var scanner = TextScanner(text)
        guard let time = Self.scan(&scanner), scanner.isAtEnd else { return nil }
        self = time
    }

    static func scan(_ scanner: inout TextScanner) -> TimeOfDay? {
        guard let hour = scanner.digits(2), scanner.skip(":"),
              let minute = scanner.digits(2), scanner.skip(":"),
              let second = scanner.digits(2),
              let fraction = scanner.fractionMicroseconds(),
              let whole = TimeOfDay(hour: hour, minute: minute, second: second)
        else { return nil }
        return TimeOfDay(microsecondsSinceMidnight: whole.microsecondsSinceMidnight + fraction)
    }

    public var description: String {
        "\(padded(hour, width: 2)):\(padded(minute, width: 2)):\(padded(second, width: 2))"
            + fractionText(microseconds: Int64(microsecond))
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.microsecondsSinceMidnight < rhs.microsecondsSinceMidnight
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = TimeOfDay(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "expected HH:MM:SS[.ffffff], got \"\(text)\""))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
