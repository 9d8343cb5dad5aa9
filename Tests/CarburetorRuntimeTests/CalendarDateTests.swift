import CarburetorRuntime
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesAndPrintsISODates() throws {
        let date = try #require(CalendarDate("2024-02-29"))
        #expect(date.year == 2024 && date.month == 2 && date.day == 29)
        #expect(date.description == "2024-02-29")
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-2-01") == nil)
        #expect(CalendarDate("2024-13-01") == nil)
        #expect(CalendarDate("0001-01-01")?.description == "0001-01-01")
    }

    @Test func dayNumbersRoundTrip() throws {
        #expect(CalendarDate(daysSince1970: 0).description == "1970-01-01")
        #expect(CalendarDate(daysSince1970: 10_957).description == "2000-01-01")
        #expect(CalendarDate(daysSince1970: -1).description == "1969-12-31")
        for days in stride(from: Int64(-800_000), through: 3_000_000, by: 997) {
            #expect(CalendarDate(daysSince1970: days).daysSince1970 == days)
        }
    }

    @Test func codesAsJSONString() throws {
        let date = try #require(CalendarDate(year: 1999, month: 12, day: 31))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["1999-12-31"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["1999-12-32"]"#.utf8)) }
    }
}
