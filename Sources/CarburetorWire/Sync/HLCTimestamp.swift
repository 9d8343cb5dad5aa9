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

    public var description: String {
        padded(microseconds, width: 16) + "-" + padded(Int64(counter), width: 5) + "-" + node
    }

    /// Parses the text form; `nil` unless it is exactly
    /// `<16 digits>-<5 digits>-<node>` with a non-empty node.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count > 23, bytes[16] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: "-"),
              let micros = Self.decimal(bytes[0..<16]), let counter = Self.decimal(bytes[17..<22]),
              let node = String(bytes: bytes[23...], encoding: .utf8),
              node.utf8.count <= Self.maximumNodeLength
        else { return nil }
        self.init(microseconds: micros, counter: Int(counter), node: node)
    }

    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private func padded(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
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
