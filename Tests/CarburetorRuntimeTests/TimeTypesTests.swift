import CarburetorRuntime
import Foundation
import Testing

@Suite struct TimeTypesTests {
    @Test func timeOfDayParsesAndPrints() throws {
        #expect(TimeOfDay("13:05:09")?.description == "13:05:09")
        #expect(TimeOfDay("13:05:09.5")?.description == "13:05:09.500000")
        #expect(TimeOfDay("00:00:00.000001")?.microsecondsSinceMidnight == 1)
        #expect(TimeOfDay("23:59:59.9999994")?.description == "23:59:59.999999")
        #expect(TimeOfDay("24:00:00") == nil)
        #expect(TimeOfDay("12:60:00") == nil)
        #expect(TimeOfDay("12:00") == nil)
        let time = try #require(TimeOfDay(hour: 7, minute: 8, second: 9, microsecond: 10))
        #expect(time.hour == 7 && time.minute == 8 && time.second == 9 && time.microsecond == 10)
    }

    @Test func localDateTimeParsesAndPrints() throws {
        let value = try #require(LocalDateTime("2024-05-01T12:34:56.123456"))
        #expect(value.description == "2024-05-01T12:34:56.123456")
        #expect(LocalDateTime("2024-05-01 12:34:56")?.description == "2024-05-01T12:34:56")
        #expect(LocalDateTime("2024-05-01T12:34:56Z") == nil)
        #expect(LocalDateTime(microsecondsSince1970: value.microsecondsSince1970) == value)
        #expect(LocalDateTime(microsecondsSince1970: -1).description == "1969-12-31T23:59:59.999999")
    }

    @Test func rfc3339IsMicrosecondExactInUTC() throws {
        let text = "2024-05-01T12:34:56.123456Z"
        let date = try #require(RFC3339.date(from: text))
        #expect(RFC3339.string(from: date) == text)
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000Z")
        #expect(RFC3339.date(from: "2024-05-01T14:34:56.123456+02:00") == date)
        #expect(RFC3339.date(from: "2024-05-01T12:34:56.1234564Z") == date)
        #expect(RFC3339.date(from: "2024-05-01T12:34:56") == nil)
        #expect(RFC3339.date(from: "2024-05-01T12:34:56.Z") == nil)
        // Every microsecond of a busy second survives the round trip.
        let base = try #require(RFC3339.date(from: "2031-12-31T23:59:59Z"))
        for micro in stride(from: 0, to: 1_000_000, by: 4_999) {
            let stamp = base.addingTimeInterval(Double(micro) / 1_000_000)
            let printed = RFC3339.string(from: stamp)
            #expect(printed.hasSuffix(String(format: ".%06dZ", micro)))
            #expect(RFC3339.date(from: printed).map(RFC3339.string(from:)) == printed)
        }
    }

    @Test func timeTypesCodeAsJSONStrings() throws {
        struct Box: Codable, Equatable {
            var time: TimeOfDay
            var local: LocalDateTime
        }
        let box = Box(time: TimeOfDay("08:00:00.25")!, local: LocalDateTime("2000-01-01T00:00:00")!)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(box), as: UTF8.self)
        #expect(json == #"{"local":"2000-01-01T00:00:00","time":"08:00:00.250000"}"#)
        #expect(try JSONDecoder().decode(Box.self, from: Data(json.utf8)) == box)
    }
}
