/// A fixed set of words (type names, attribute names) looked up by their
/// bytes: the resolver looks up a type for every column, and hashing the
/// name costs several times more than comparing a few integers.
///
/// Byte equality is `String` equality here because no keyword contains `K`,
/// `;` or `` ` ``, the only ASCII characters that some other character
/// (`U+212A KELVIN SIGN`, …) is canonically equivalent to.
struct KeywordTable<Value: Sendable>: Sendable {
    /// The keywords in the order given.
    let spellings: [String]
    private let prefixes: [PackedPrefix]
    private let values: [Value]
    /// Keyword positions by `PackedPrefix.slot`, `-1` for none: open
    /// addressing, at most a quarter full, so a lookup compares one or two
    /// keywords instead of all of them.
    private let slots: [Int]
    private let slotBits: Int
    /// Bit `n` is set when some keyword is `n` bytes long, so that most
    /// names are turned down by their length alone.
    private let lengths: UInt64

    init(_ keywords: [(spelling: String, value: Value)]) {
        spellings = keywords.map(\.spelling)
        prefixes = spellings.map { $0.withUTF8Bytes(PackedPrefix.init) }
        values = keywords.map(\.value)
        var lengths: UInt64 = 0
        for spelling in spellings {
            precondition(spelling.utf8.count < 64 && spelling.utf8.allSatisfy(Self.comparesByBytes),
                         "keyword '\(spelling)' cannot be matched by its bytes")
            lengths |= 1 << spelling.utf8.count
        }
        self.lengths = lengths
        var slotBits = 2
        while 1 << slotBits < 4 * keywords.count { slotBits += 1 }
        var slots = [Int](repeating: -1, count: 1 << slotBits)
        for (position, prefix) in prefixes.enumerated() {
            var slot = prefix.slot(bits: slotBits)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = position
        }
        self.slots = slots
        self.slotBits = slotBits
    }

    func value(for name: String) -> Value? {
        let length = name.utf8.count
        guard length < 64, lengths & (1 &<< length) != 0 else { return nil }
        let prefix = name.withUTF8Bytes(PackedPrefix.init)
        var slot = prefix.slot(bits: slotBits)
        while case let position = slots[slot], position >= 0 {
            // Longer names are told apart by the rest of their bytes.
            if prefixes[position] == prefix, length <= PackedPrefix.capacity || spellings[position] == name {
                return values[position]
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func comparesByBytes(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: "K") && byte != UInt8(ascii: ";") && byte != UInt8(ascii: "`")
    }
}

/// The length and first 16 bytes of a name, as integers.
private struct PackedPrefix: Equatable {
    static let capacity = 16

    private var length: Int
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// A slot among `1 << bits` (a multiplicative hash).
    func slot(bits: Int) -> Int {
        let mixed = (low ^ (high &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed &>> (64 - bits))
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = bytes.count
        var position = 0
        while position < min(bytes.count, 8) {
            low |= UInt64(bytes[position]) &<< (8 &* position)
            position += 1
        }
        while position < min(bytes.count, Self.capacity) {
            high |= UInt64(bytes[position]) &<< (8 &* (position - 8))
            position += 1
        }
    }
}
