import CarburetorRuntime
import Foundation
import Testing

/// A model coded the way generated models are.
private struct Row: Codable, Hashable, Sendable {
    var stamp: Date
    var amount: Decimal
    var bytes: Data
    var id: UUID
    var note: String?
    var json: JSONValue
    var small: Int16

    init(stamp: Date, amount: Decimal, bytes: Data, id: UUID, note: String?, json: JSONValue, small: Int16) {
        self.stamp = stamp
        self.amount = amount
        self.bytes = bytes
        self.id = id
        self.note = note
        self.json = json
        self.small = small
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: WireKey.self)
        stamp = try container.decodeWire(forKey: "stamp")
        amount = try container.decodeWire(forKey: "amount")
        bytes = try container.decodeWire(forKey: "bytes")
        id = try container.decodeWire(forKey: "id")
        note = try container.decodeWire(forKey: "note")
        json = try container.decodeWire(forKey: "json")
        small = try container.decodeWire(forKey: "small")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKey.self)
        try container.encodeWire(stamp, forKey: "stamp")
        try container.encodeWire(amount, forKey: "amount")
        try container.encodeWire(bytes, forKey: "bytes")
        try container.encodeWire(id, forKey: "id")
        try container.encodeWire(note, forKey: "note")
        try container.encodeWire(json, forKey: "json")
        try container.encodeWire(small, forKey: "small")
    }
}

private struct Change: Codable, Hashable {
    var name: FieldUpdate<String>
    var note: FieldUpdate<String?>

    init(name: FieldUpdate<String>, note: FieldUpdate<String?>) {
        self.name = name
        self.note = note
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: WireKey.self)
        name = try container.decodeFieldUpdate(forKey: "name")
        note = try container.decodeFieldUpdate(forKey: "note")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKey.self)
        try container.encodeFieldUpdate(name, forKey: "name")
        try container.encodeFieldUpdate(note, forKey: "note")
    }
}

private func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

@Suite struct WireCodingTests {
    @Test func valuesUseTheDocumentedWireFormat() throws {
        let row = Row(
            stamp: RFC3339.date(from: "2024-05-01T12:34:56.000001Z")!,
            amount: Decimal(string: "12345678901234567890.123456789")!,
            bytes: Data([0, 1, 2, 255]),
            id: UUID(uuidString: "6BA7B810-9DAD-11D1-80B4-00C04FD430C8")!,
            note: nil, json: ["a": [1, true, nil, "x"]], small: -3)
        let text = try json(row)
        #expect(text == #"{"amount":"12345678901234567890.123456789","bytes":"AAEC/w==","id":"6BA7B810-9DAD-11D1-80B4-00C04FD430C8","json":{"a":[1,true,null,"x"]},"note":null,"small":-3,"stamp":"2024-05-01T12:34:56.000001Z"}"#)
        #expect(try JSONDecoder().decode(Row.self, from: Data(text.utf8)) == row)
        // A missing nullable key decodes as nil; a number is accepted for a decimal.
        let lenient = #"{"amount":2.5,"bytes":"","id":"6BA7B810-9DAD-11D1-80B4-00C04FD430C8","json":1,"small":0,"stamp":"2024-05-01T12:34:56Z"}"#
        let decoded = try JSONDecoder().decode(Row.self, from: Data(lenient.utf8))
        #expect(decoded.note == nil && decoded.amount == Decimal(string: "2.5") && decoded.json == .number(1))
    }

    @Test func invalidWireValuesAreRejected() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Row.self, from: Data(#"{"amount":"1","bytes":"","id":"6BA7B810-9DAD-11D1-80B4-00C04FD430C8","json":1,"small":0,"stamp":"yesterday"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Row.self, from: Data(#"{"amount":"abc","bytes":"","id":"6BA7B810-9DAD-11D1-80B4-00C04FD430C8","json":1,"small":0,"stamp":"2024-05-01T12:34:56Z"}"#.utf8))
        }
    }

    @Test func fieldUpdatesDistinguishUnchangedFromNull() throws {
        #expect(try json(Change(name: .unchanged, note: .unchanged)) == "{}")
        #expect(try json(Change(name: .set("a"), note: .set(nil))) == #"{"name":"a","note":null}"#)
        #expect(try json(Change(name: .unchanged, note: .set("n"))) == #"{"note":"n"}"#)
        for change in [Change(name: .unchanged, note: .unchanged), Change(name: .set("a"), note: .set(nil)),
                       Change(name: .set("b"), note: .set("c"))] {
            #expect(try JSONDecoder().decode(Change.self, from: Data(try json(change).utf8)) == change)
        }
        #expect(FieldUpdate<String?>.set(nil).newValue == .some(nil))
        #expect(FieldUpdate<Int32>.unchanged.isUnchanged)
    }

    @Test func jsonValueRoundTripsAnyJSON() throws {
        let text = #"{"list":[1.5,-2,"s",false,null,{}],"nested":{"k":"v"}}"#
        let value = try JSONValue(jsonText: text)
        #expect(value.jsonText == text)
        #expect(try JSONValue(jsonText: "3") == 3)
        #expect(try JSONValue(jsonText: "null") == .null)
        #expect(JSONValue.number(.infinity).jsonText == "null")
    }

    @Test func tablePagesUseSnakeCaseKeys() throws {
        let page = TablePage(cutoffAt: RFC3339.date(from: "2024-01-02T03:04:05.678901Z")!, data: ["a", "b"],
                             hasMore: true, offsetID: "b")
        let text = try json(page)
        #expect(text == #"{"cutoff_at":"2024-01-02T03:04:05.678901Z","data":["a","b"],"has_more":true,"offset_id":"b"}"#)
        #expect(try JSONDecoder().decode(TablePage<String>.self, from: Data(text.utf8)) == page)
        let minimal = #"{"cutoff_at":"2024-01-02T03:04:05Z","data":[]}"#
        let decoded = try JSONDecoder().decode(TablePage<String>.self, from: Data(minimal.utf8))
        #expect(decoded.hasMore == false && decoded.offsetID == nil)
    }

    @Test func insertDefaultsDistinguishAbsentFromNull() throws {
        struct Insert: Codable, Equatable {
            var preference: String??
            init(preference: String??) { self.preference = preference }
            init(from decoder: any Decoder) throws {
                preference = try decoder.container(keyedBy: WireKey.self).decodeNullableWireIfPresent(forKey: "preference")
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: WireKey.self)
                try container.encodeNullableWireIfPresent(preference, forKey: "preference")
            }
        }
        #expect(try json(Insert(preference: nil)) == "{}")
        #expect(try json(Insert(preference: .some(nil))) == #"{"preference":null}"#)
        #expect(try json(Insert(preference: "x")) == #"{"preference":"x"}"#)
        for insert in [Insert(preference: nil), Insert(preference: .some(nil)), Insert(preference: "x")] {
            #expect(try JSONDecoder().decode(Insert.self, from: Data(try json(insert).utf8)) == insert)
        }
    }
}
