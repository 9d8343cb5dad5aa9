/// Positions in an array of named things (the resolver's tables) by
/// `NameHash`, in an open-addressing table. It keeps no copy of the names:
/// the caller confirms a candidate against its own array, which a differing
/// 64-bit hash nearly always spares.
struct PositionsByNameHash: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64 = 0
        /// `-1` for an empty slot.
        var position = -1
    }

    /// At most half full, so a probe sequence stays short.
    private var entries = [Entry](repeating: Entry(), count: 16)
    private var count = 0
    private var slotBits = 4

    mutating func reserveCapacity(_ capacity: Int) {
        var bits = slotBits
        while 1 << bits < 2 * capacity { bits += 1 }
        if bits > slotBits { rehash(slotBits: bits) }
    }

    /// The first position inserted with `hash` that `isMatch` accepts.
    func first(_ hash: NameHash, where isMatch: (Int) -> Bool) -> Int? {
        var slot = Self.slot(hash.value, bits: slotBits)
        while case let entry = entries[slot], entry.position >= 0 {
            if entry.hash == hash.value, isMatch(entry.position) { return entry.position }
            slot = (slot &+ 1) & (entries.count &- 1)
        }
        return nil
    }

    mutating func insert(_ position: Int, for hash: NameHash) {
        if 2 * (count + 1) > entries.count { rehash(slotBits: slotBits + 1) }
        place(Entry(hash: hash.value, position: position))
        count += 1
    }

    private mutating func place(_ entry: Entry) {
        var slot = Self.slot(entry.hash, bits: slotBits)
        while entries[slot].position >= 0 { slot = (slot &+ 1) & (entries.count &- 1) }
        entries[slot] = entry
    }

    private mutating func rehash(slotBits bits: Int) {
        let old = entries
        entries = [Entry](repeating: Entry(), count: 1 << bits)
        slotBits = bits
        for entry in old where entry.position >= 0 { place(entry) }
    }

    /// The top bits of a multiplicative mix: FNV's low bits alone vary too little.
    private static func slot(_ hash: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) &>> UInt64(64 &- bits))
    }
}
