import Foundation

/// One reading of a hybrid logical clock: physical time in microseconds since
/// the Unix epoch, a counter that orders readings within one microsecond, and
/// the node (device) that made it.
///
/// Readings are totally ordered by (microseconds, counter, node bytes). The
/// text form `<16-digit microseconds>-<5-digit counter>-<node>` sorts the same
/// way byte by byte, so PostgreSQL (`COLLATE "C"`), SQLite and Swift compare
/// clocks alike without parsing them:
///
///     1733130000123456-00000-phone-a
public struct HLCTimestamp: Hashable, Sendable, Comparable, CustomStringConvertible, LosslessStringConvertible {
    public let microseconds: Int64
    public let counter: Int
    public let node: String

    /// The counter's largest value; one more carries into the microseconds.
    public static let maximumCounter = 99_999
    /// The largest representable physical time (16 decimal digits).
    public static let maximumMicroseconds: Int64 = 9_999_999_999_999_999
    /// The node of writes made on the server (plain SQL, server code). `~`
    /// sorts after every character a device node may hold, and no device may
    /// use it, so a device can never impersonate the server.
    public static let serverNode = "~server"
    /// The node of a purge (an erasure request): its clocks are the largest
    /// possible, so no later upload brings erased data back.
    public static let purgeNode = "~purge"
    /// Longest device node, in bytes.
    public static let maximumNodeLength = 64

    public init(microseconds: Int64, counter: Int = 0, node: String) {
        precondition((0...Self.maximumMicroseconds).contains(microseconds), "microseconds out of range")
        precondition((0...Self.maximumCounter).contains(counter), "counter out of range")
        self.microseconds = microseconds
        self.counter = counter
        self.node = node
    }

    /// The clock the server gives a write it makes at `date`.
    public static func server(at date: Date) -> HLCTimestamp {
        HLCTimestamp(microseconds: Microseconds.since1970(date), node: serverNode)
    }

    /// The clock that a purge leaves on every column.
    public static let purge = HLCTimestamp(microseconds: maximumMicroseconds, counter: maximumCounter, node: purgeNode)

    /// True for a node a device may use: 1–64 characters of `[A-Za-z0-9_.-]`.
    public static func isValidDeviceNode(_ node: String) -> Bool {
        let bytes = node.utf8
        guard !bytes.isEmpty, bytes.count <= maximumNodeLength else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }

    /// The physical part as a date (exact to the microsecond).
    public var date: Date { Microseconds.date(since1970: microseconds) }

    /// The next reading after this one, on `node`: one more on the counter,
    /// carrying into the microseconds.
    public func successor(node: String) -> HLCTimestamp {
        if counter < Self.maximumCounter {
            return HLCTimestamp(microseconds: microseconds, counter: counter + 1, node: node)
        }
        return HLCTimestamp(microseconds: microseconds + 1, counter: 0, node: node)
    }

    public static func < (lhs: HLCTimestamp, rhs: HLCTimestamp) -> Bool {
        if lhs.microseconds != rhs.microseconds { return lhs.microseconds < rhs.microseconds }
        if lhs.counter != rhs.counter { return lhs.counter < rhs.counter }
        return lhs.node.utf8.lexicographicallyPrecedes(rhs.node.utf8)
    }

    /// Written digit by digit: every synced column's clock is printed on
    /// each upload, download and merge.
    public var description: String {
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 23)
        var value = microseconds
        for position in stride(from: 15, through: 0, by: -1) {
            bytes[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        bytes[16] = UInt8(ascii: "-")
        var count = counter
        for position in stride(from: 21, through: 17, by: -1) {
            bytes[position] = UInt8(ascii: "0") + UInt8(count % 10)
            count /= 10
        }
        bytes[22] = UInt8(ascii: "-")
        bytes.append(contentsOf: node.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses the text form; `nil` unless it is exactly
    /// `<16 digits>-<5 digits>-<node>` with a non-empty node.
    public init?(_ text: String) {
        let bytes = text.utf8
        guard bytes.count > 23, bytes.count <= 23 + Self.maximumNodeLength else { return nil }
        var micros: Int64 = 0
        var counter = 0
        var index = bytes.startIndex
        for position in 0..<23 {
            let byte = bytes[index]
            switch position {
            case 16, 22:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                if position < 16 {
                    micros = micros * 10 + Int64(byte - UInt8(ascii: "0"))
                } else {
                    counter = counter * 10 + Int(byte - UInt8(ascii: "0"))
                }
            }
            index = bytes.index(after: index)
        }
        guard let node = String(text.utf8[index...]) else { return nil }
        self.init(microseconds: micros, counter: counter, node: node)
    }
}

extension HLCTimestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = HLCTimestamp(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "expected a clock \"<16 digits>-<5 digits>-<node>\", got \"\(text)\""))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension HLCTimestamp: WireCodable {}
