/// One `String` per distinct identifier (or doc comment text) of a file.
///
/// A config repeats its names (column names in every table, type names, a
/// table's name in its sync groups), and building a `String` means validating
/// UTF-8 and, past 15 bytes, a heap allocation. A name written again is found
/// by a hash of its bytes and shares its first occurrence's `String`.
///
/// Names are compared on their first 16 bytes, kept in the table as two
/// words, and only a longer name is compared further against its first
/// occurrence in the file. Open addressing with linear probing, at most half full.
struct NameTable {
    /// One distinct name: how it is compared (its first 16 bytes, its
    /// length and a hash) and its `String`, side by side so that a lookup
    /// touches one place in memory.
    private struct Entry {
        /// The first 16 bytes of the name, zero past its end.
        var prefix: (UInt64, UInt64)
        var hash: UInt64
        /// 0 marks a free slot (no name is empty).
        var length: Int
        /// Offset of the first occurrence, to compare the bytes after the prefix.
        var start: Int
        var text: String

        static let free = Entry(prefix: (0, 0), hash: 0, length: 0, start: 0, text: "")
    }

    private static let prefixLength = 16
    private var entries: [Entry] = []
    /// The slot of a hash is its top bits (multiplicative hashing): the hash
    /// shifted right by this much (set by `grow`, which comes first).
    private var slotShift: UInt64 = 0
    /// Free slots left before the table is half full and must grow.
    private var freeSlotsBeforeGrowing = 0

    /// A table with room for about `expectedNames` names before it grows:
    /// growing a large table rehashes every name, and each large allocation
    /// makes the allocator consolidate the many small blocks a parse frees.
    init(expectedNames: Int = 0) {
        var capacity = 64
        while capacity / 2 < expectedNames { capacity *= 2 }
        entries = (0..<capacity).map { _ in .free }
        slotShift = UInt64(64 - capacity.trailingZeroBitCount)
        freeSlotsBeforeGrowing = capacity / 2
    }

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
        if freeSlotsBeforeGrowing == 0 { grow() }
        let mask = entries.count - 1
        var slot = Int(truncatingIfNeeded: hash &>> slotShift)
        while true {
            let entry = entries[slot]
            if entry.length == 0 { break }
            if entry.hash == hash, entry.length == length, entry.prefix == prefix,
               length <= NameTable.prefixLength
               || NameTable.bytesEqual(base + start, base + entry.start, length: length) {
                return entry.text
            }
            slot = (slot + 1) & mask
        }
        let text = String(decoding: UnsafeRawBufferPointer(start: base + start, count: length), as: UTF8.self)
        entries[slot] = Entry(prefix: prefix, hash: hash, length: length, start: start, text: text)
        freeSlotsBeforeGrowing -= 1
        return text
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

    /// Doubles the slots and moves every entry over; the names
    /// are moved rather than copied, which would retain each.
    private mutating func grow() {
        var old = entries
        entries = []
        let capacity = max(64, old.count * 2)
        let names = old.count / 2  // the table grows when exactly half full
        slotShift = UInt64(64 - capacity.trailingZeroBitCount)
        freeSlotsBeforeGrowing = capacity / 2 - names
        // Mapped rather than `Array(repeating:count:)`, which copies the free
        // entry through its generic value witness, slot by slot.
        entries = (0..<capacity).map { _ in .free }
        for oldSlot in old.indices where old[oldSlot].length != 0 {
            var slot = Int(truncatingIfNeeded: old[oldSlot].hash &>> slotShift)
            while entries[slot].length != 0 { slot = (slot + 1) & (capacity - 1) }
            swap(&entries[slot], &old[oldSlot])
        }
    }
}
