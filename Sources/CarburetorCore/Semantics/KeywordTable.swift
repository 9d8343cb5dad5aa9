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
    private let values: [Value]
    /// Keywords by `NameWords.slot`, open addressing, at most a quarter
    /// full: a lookup nearly always compares one entry, a few integers.
    private let slots: [Slot]
    private let slotBits: Int
    /// Bit `n` is set when some keyword is `n` bytes long, so that most
    /// names are turned down by their length alone.
    private let lengths: UInt64

    private struct Slot: Sendable {
        /// Index into `spellings`, `-1` for an empty slot.
        var position = -1
        var words = NameWords.empty
    }

    init(_ keywords: [(spelling: String, value: Value)]) {
        spellings = keywords.map(\.spelling)
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
        var slots = [Slot](repeating: Slot(), count: 1 << slotBits)
        for (position, spelling) in spellings.enumerated() {
            let words = spelling.withUTF8Bytes(NameWords.init)
            var slot = words.slot(bits: slotBits)
            while slots[slot].position >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Slot(position: position, words: words)
        }
        self.slots = slots
        self.slotBits = slotBits
    }

    func value(for name: String) -> Value? {
        let length = name.utf8.count
        guard length < 64, lengths & (1 &<< length) != 0 else { return nil }
        let words = name.withUTF8Bytes(NameWords.init)
        var slot = words.slot(bits: slotBits)
        while case let entry = slots[slot], entry.position >= 0 {
            // The words cover a name of up to 16 bytes; longer ones are
            // told apart by the rest of their bytes.
            if entry.words == words, length <= NameWords.coveredLength || spellings[entry.position] == name {
                return values[entry.position]
            }
            slot = (slot &+ 1) & (slots.count &- 1)
        }
        return nil
    }

    private static func comparesByBytes(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: "K") && byte != UInt8(ascii: ";") && byte != UInt8(ascii: "`")
    }
}

/// A name's length and its first and last bytes read as (overlapping)
/// words: two loads instead of a loop over the bytes. Equal for two names
/// of up to `coveredLength` bytes exactly when the names are equal.
private struct NameWords: Equatable, Sendable {
    static let coveredLength = 16
    static let empty = NameWords(length: 0, head: 0, tail: 0)

    private var length: Int
    private var head: UInt64
    private var tail: UInt64

    private init(length: Int, head: UInt64, tail: UInt64) {
        self.length = length
        self.head = head
        self.tail = tail
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = bytes.count
        guard let base = bytes.baseAddress, length > 0 else {
            head = 0
            tail = 0
            return
        }
        let raw = UnsafeRawPointer(base)
        if length >= 8 {
            head = raw.loadUnaligned(as: UInt64.self)
            tail = raw.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
        } else if length >= 4 {
            head = UInt64(raw.loadUnaligned(as: UInt32.self))
            tail = UInt64(raw.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self))
        } else {
            // One to three bytes: the first, middle and last say them all.
            head = UInt64(base[0]) | UInt64(base[length &>> 1]) &<< 8 | UInt64(base[length &- 1]) &<< 16
            tail = 0
        }
    }

    /// A slot among `1 << bits` (a multiplicative hash).
    func slot(bits: Int) -> Int {
        let mixed = (head ^ (tail &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed &>> UInt64(64 &- bits))
    }
}
