import Foundation

/// A device's hybrid logical clock: every reading is later than every reading
/// before it on this device and than every clock the device has observed
/// (server stamps, uploads' answers), even when the wall clock goes backwards.
public struct HybridLogicalClock: Sendable, Hashable {
    public let node: String
    /// The latest reading made or observed.
    public private(set) var latest: HLCTimestamp?

    /// `node` must be a valid device node (`HLCTimestamp.isValidDeviceNode`).
    public init(node: String, latest: HLCTimestamp? = nil) {
        precondition(HLCTimestamp.isValidDeviceNode(node), "invalid device node \"\(node)\"")
        self.node = node
        self.latest = latest
    }

    /// A new reading for an edit made now.
    public mutating func now(wallClock: Date = Date()) -> HLCTimestamp {
        let physical = HLCTimestamp(microseconds: Microseconds.since1970(wallClock), node: node)
        let reading: HLCTimestamp
        if let latest, latest.microseconds >= physical.microseconds {
            reading = latest.successor(node: node)
        } else {
            reading = physical
        }
        latest = reading
        return reading
    }

    /// Takes a clock seen from elsewhere into account: the next reading is later than it.
    public mutating func observe(_ clock: HLCTimestamp) {
        if latest.map({ $0 < clock }) ?? true { latest = clock }
    }

    /// Takes a server stamp (a `last_synced_at` value) into account.
    public mutating func observe(stamp: Date) {
        observe(HLCTimestamp.server(at: stamp))
    }
}
