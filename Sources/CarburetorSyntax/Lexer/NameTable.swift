import CarburetorSchema

/// One `String` per distinct identifier (or doc comment text) of a file.
///
/// A config repeats its names (column names in every table, type names, a
/// table's name in its sync groups), and building a `String` means validating
/// UTF-8 and, past 15 bytes, a heap allocation. A name written again is found
/// by a hash of its bytes and shares its first occurrence's `String`.
///
/// Names are compared on their first 16 bytes, kept in the table as two
/// words, and only a longer name is compared further against its first
/// occurrence in the file.
///
/// The open-addressing slots (linear probing, at most half full) hold one
/// word each: part of the name's hash and where its entry is. The entries
/// themselves are dense, in order of first occurrence. A large file has
/// hundreds of thousands of slots, and a probe that reads 8 bytes per slot
/// instead of a whole entry keeps the slots in the caches (at 4× the
/// benchmark's size the slots of 56-byte entries took 28 MB).
struct NameTable {
    /// One distinct name: how it is compared (its first 16 bytes, its
    /// length and its hash) and its `String`.
    private struct Entry {
        /// The first 16 bytes of the name, zero past its end.
        var prefix: (UInt64, UInt64)
        var hash: UInt64
        var length: Int
        /// Offset of the first occurrence, to compare the bytes after the prefix.
        var start: Int
        var text: String
    }

    private static let prefixLength = 16
    /// 0 for a free slot, else the low 32 bits of the name's hash (the slot
    /// is chosen by its top bits) above the entry's index plus one.
    private var slots: [UInt64] = []
    private var entries: [Entry] = []
    /// The slot of a hash is its top bits (multiplicative hashing): the hash
    /// shifted right by this much.
    private var slotShift: UInt64 = 0

    /// A table with room for about `expectedNames` names before it grows:
    /// growing a large table rehashes every name, and each large allocation
    /// makes the allocator consolidate the many small blocks a parse frees.
    init(expectedNames: Int = 0) {
        var capacity = 64
        while capacity / 2 < expectedNames { capacity *= 2 }
        allocateSlots(capacity)
    }

    /// The number of distinct names so far.
    var count: Int { entries.count }

    /// The name `length` (> 0) bytes long at `start` in `bytes`, which must be
    /// the same buffer on every call (earlier names are compared against it).
    mutating func name(spelledAt start: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        let prefix = NameTable.prefix(at: start, length: length, in: bytes)
        var hash = (prefix.0 &* 0x9E37_79B9_7F4A_7C15) ^ (prefix.1 &+ UInt64(length))
        if length > NameTable.prefixLength {
            hash = NameTable.hash(base + start + NameTable.prefixLength, length: length - NameTable.prefixLength,
                                  seed: hash)
        }
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        let tag = hash << 32
        // Read through buffers: no bounds checks in the probe loop.
        let probe = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                NameTable.probe(slots, entries, hash: hash, shift: slotShift, prefix: prefix, start: start,
                                length: length, in: base)
            }
        }
        if case .found(let index) = probe { return entries[index].text }
        guard case .free(let slot) = probe else { preconditionFailure() }
        let text = String(decoding: UnsafeRawBufferPointer(start: base + start, count: length), as: UTF8.self)
        slots[slot] = tag | UInt64(entries.count + 1)
        entries.append(Entry(prefix: prefix, hash: hash, length: length, start: start, text: text))
        if entries.count == slots.count / 2 { grow() }
        return text
    }

    private enum Probe {
        case found(entry: Int)
        case free(slot: Int)
    }

    /// The entry of the name, or the free slot where it belongs.
    @inline(__always)
    private static func probe(_ slots: UnsafeBufferPointer<UInt64>, _ entries: UnsafeBufferPointer<Entry>,
                              hash: UInt64, shift: UInt64, prefix: (UInt64, UInt64), start: Int, length: Int,
                              in base: UnsafeRawPointer) -> Probe {
        let tag = hash << 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash &>> shift)
        while true {
            let word = slots[slot]
            if word == 0 { return .free(slot: slot) }
            if word & ~0xFFFF_FFFF == tag {
                let index = Int(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1
                if entries[index].length == length, entries[index].prefix == prefix,
                   length <= prefixLength || bytesEqual(base + start, base + entries[index].start, length: length) {
                    return .found(entry: index)
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The first (up to) 16 bytes at `start` as two little-endian words, zero
    /// past `length`; read a word at a time unless near the end of the buffer.
    @inline(__always)
    private static func prefix(at start: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>)
        -> (UInt64, UInt64) {
        let base = UnsafeRawPointer(bytes.baseAddress!) + start
        guard start + prefixLength <= bytes.count else {
            var words: (UInt64, UInt64) = (0, 0)
            for index in 0..<min(length, prefixLength) {
                let byte = UInt64(bytes[start + index]) << (8 * UInt64(index % 8))
                if index < 8 { words.0 |= byte } else { words.1 |= byte }
            }
            return words
        }
        var first = base.loadUnaligned(as: UInt64.self)
        var second = base.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        if length < 8 {
            first &= (1 << (8 * UInt64(length))) - 1
            second = 0
        } else if length < 16 {
            second &= (1 << (8 * UInt64(length - 8))) - 1
        }
        return (first, second)
    }

    /// Folds `length` bytes into `seed`, eight at a time (the caller's final
    /// multiplication spreads them over the bits that pick the slot).
    private static func hash(_ bytes: UnsafeRawPointer, length: Int, seed: UInt64) -> UInt64 {
        var hash = seed
        var offset = 0
        while offset + 8 <= length {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            offset += 8
        }
        while offset < length {
            hash = (hash ^ UInt64(bytes.load(fromByteOffset: offset, as: UInt8.self))) &* 0x100_0000_01B3
            offset += 1
        }
        return hash
    }

    private static func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, length: Int) -> Bool {
        var offset = 0
        while offset + 8 <= length {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < length {
            if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            offset += 1
        }
        return true
    }

    /// Empty slots for `capacity` (a power of two) and room for entries
    /// until half of them are taken.
    private mutating func allocateSlots(_ capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        slotShift = UInt64(64 - capacity.trailingZeroBitCount)
        entries.reserveCapacity(capacity / 2)
    }

    /// Doubles the slots and places every entry again; the entries (and
    /// their names) stay where they are.
    private mutating func grow() {
        allocateSlots(slots.count * 2)
        let mask = slots.count - 1
        for index in entries.indices {
            let hash = entries[index].hash
            var slot = Int(truncatingIfNeeded: hash &>> slotShift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash << 32 | UInt64(index + 1)
        }
    }
}
