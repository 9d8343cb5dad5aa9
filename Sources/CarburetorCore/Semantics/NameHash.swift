/// A 64-bit hash of a name, computed once on its bytes and reused for each
/// claim and lookup of that name: cheaper than hashing the `String` through
/// `Hasher` for every dictionary it goes into.
///
/// Names that are equal as `String`s (canonical equivalence) get equal
/// hashes. A name of plain bytes — ASCII other than `K`, `;` and `` ` `` —
/// equals no other spelling, so it is hashed on its bytes, eight at a time;
/// any other name — non-ASCII, or ASCII that a non-ASCII spelling may equal
/// (`K` and `U+212A KELVIN SIGN`) — by its `hashValue`, which respects
/// equivalence.
struct NameHash: Equatable, Sendable {
    let value: UInt64

    init(_ name: String) {
        let byteHash = name.withUTF8Bytes(Self.plainByteHash)
        value = byteHash ?? UInt64(UInt(bitPattern: name.hashValue))
    }

    /// For a hash computed on the bytes of a transformed name.
    init(plainByteHash value: UInt64) {
        self.value = value
    }

    /// The hash of plain bytes, or `nil` when some byte is not plain.
    private static func plainByteHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard let base = bytes.baseAddress else { return mix(0, 0) }
        let raw = UnsafeRawPointer(base)
        var hash = UInt64(truncatingIfNeeded: bytes.count)
        var notPlain: UInt64 = 0
        var offset = 0
        while offset &+ 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            notPlain |= notPlainBytes(word)
            hash = mix(hash, word)
            offset &+= 8
        }
        if offset < bytes.count {
            // Zero bytes fill the word: plain, and `hash` started from the length.
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                word |= UInt64(base[offset]) &<< shift
                shift &+= 8
                offset &+= 1
            }
            notPlain |= notPlainBytes(word)
            hash = mix(hash, word)
        }
        return notPlain == 0 ? hash : nil
    }

    /// Nonzero when a byte of the word is not plain: non-ASCII, or (all
    /// ASCII) `K`, `;` or `` ` ``.
    private static func notPlainBytes(_ word: UInt64) -> UInt64 {
        (word & 0x8080_8080_8080_8080) | hasByte(word, UInt8(ascii: "K")) | hasByte(word, UInt8(ascii: ";"))
            | hasByte(word, UInt8(ascii: "`"))
    }

    /// Nonzero when some byte of an ASCII word is `byte`: the classic test
    /// for a zero byte, on the word xor-ed with it in every byte.
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let xored = word ^ (ones &* UInt64(byte))
        return (xored &- ones) & ~xored & 0x8080_8080_8080_8080
    }

    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed &>> 29)
    }
}
