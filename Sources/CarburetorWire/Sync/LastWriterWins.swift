import Foundation

/// The rules of the per-column Last-Writer-Wins register, written once for the
/// server's upload and the device's merge of downloads and upload answers.
public enum LastWriterWins {
    /// An incoming value replaces the stored one iff its clock is strictly
    /// later; a column with no clock yet (a row written before clocks existed)
    /// takes any clock. Equal clocks mean the same write: nothing changes, so
    /// duplicates and retries are harmless.
    public static func incomingWins(_ incoming: HLCTimestamp, over stored: HLCTimestamp?) -> Bool {
        guard let stored else { return true }
        return stored < incoming
    }

    /// How far ahead of the server's clock an uploaded clock may be: 60 s.
    public static let maximumClockLead: Int64 = 60_000_000

    /// The clock the server accepts for an upload made when its own clock
    /// reads `serverNow`: unchanged when it is at most `maximumClockLead` ahead;
    /// otherwise clamped to `serverNow` (counter and node kept), so a device
    /// whose clock runs far ahead wins no conflict it would not win at the
    /// server's time. The answer carries the clamped clock back to the device.
    public static func bounded(_ clock: HLCTimestamp, serverNow: HLCTimestamp) -> HLCTimestamp {
        let limit = serverNow.microseconds + maximumClockLead
        guard clock.microseconds > limit else { return clock }
        return HLCTimestamp(microseconds: serverNow.microseconds, counter: clock.counter, node: clock.node)
    }

    /// Merges two sets of column clocks and values, column by column: for each
    /// column the entry with the later clock. The oracle of the property tests.
    public static func merge<Value>(
        _ current: [String: (value: Value, clock: HLCTimestamp)],
        _ incoming: [String: (value: Value, clock: HLCTimestamp)]
    ) -> [String: (value: Value, clock: HLCTimestamp)] {
        var result = current
        for (column, entry) in incoming where incomingWins(entry.clock, over: result[column]?.clock) {
            result[column] = entry
        }
        return result
    }
}
