/// How migrations are laid out on disk.
public enum MigrationLayout: String, Sendable, Hashable, CaseIterable {
    /// `YYYYMMDDHHMMSS_NAME/up.sql` and `down.sql` (a layout Diesel reads).
    case diesel
    /// `NNNNNN_NAME.up.sql` and `NNNNNN_NAME.down.sql` (golang-migrate).
    case golangMigrate = "golang-migrate"

    /// Paths of the two files, relative to the directory.
    public func paths(version: String, name: String) -> (up: String, down: String) {
        switch self {
        case .diesel: ("\(version)_\(name)/up.sql", "\(version)_\(name)/down.sql")
        case .golangMigrate: ("\(version)_\(name).up.sql", "\(version)_\(name).down.sql")
        }
    }
}

/// A fixed moment for naming migrations; tests inject fixed times.
public struct MigrationClock: Sendable {
    /// Returns `YYYYMMDDHHMMSS` in UTC.
    public var timestamp: @Sendable () -> String

    public init(timestamp: @Sendable @escaping () -> String) {
        self.timestamp = timestamp
    }

    /// Always the same moment, `YYYYMMDDHHMMSS`.
    public static func fixed(_ timestamp: String) -> MigrationClock {
        MigrationClock { timestamp }
    }
}

enum MigrationVersion {
    /// The next version for a layout: a timestamp strictly greater than
    /// `last` (bumped by one second when the clock is not ahead), or for
    /// golang-migrate the next six-digit sequence number.
    static func next(after last: String?, layout: MigrationLayout, clock: MigrationClock) -> String {
        switch layout {
        case .golangMigrate:
            let number = (last.flatMap { Int($0) } ?? 0) + 1
            let digits = String(number)
            return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        case .diesel:
            let now = clock.timestamp()
            guard let last, last.count == 14, now.count == 14, now <= last else { return now }
            return addOneSecond(last)
        }
    }

    /// `YYYYMMDDHHMMSS` plus one second, with carries through the calendar.
    static func addOneSecond(_ stamp: String) -> String {
        let digits = Array(stamp)
        func number(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
        var year = number(0..<4), month = number(4..<6), day = number(6..<8)
        var hour = number(8..<10), minute = number(10..<12), second = number(12..<14)
        second += 1
        if second == 60 { second = 0; minute += 1 }
        if minute == 60 { minute = 0; hour += 1 }
        if hour == 24 { hour = 0; day += 1 }
        if day > daysIn(month: month, year: year) { day = 1; month += 1 }
        if month == 13 { month = 1; year += 1 }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)" + two(month) + two(day) + two(hour) + two(minute) + two(second)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
