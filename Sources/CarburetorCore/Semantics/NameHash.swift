/// A 64-bit hash of a name, computed once on its bytes and reused for each
/// claim and lookup of that name: cheaper than hashing the `String` through
/// `Hasher` for every dictionary it goes into.
///
/// Names that are equal as `String`s (canonical equivalence) get equal
/// hashes. A name of ASCII bytes other than `K`, `;` and `` ` `` equals no
/// other spelling, so it is hashed on its bytes (FNV-1a); any other name —
/// non-ASCII, or ASCII that a non-ASCII spelling may equal (`K` and
/// `U+212A KELVIN SIGN`) — by its `hashValue`, which respects equivalence.
struct NameHash: Equatable, Sendable {
    let value: UInt64
    /// True when `value` is the FNV-1a hash of the bytes, which a suffix can extend.
    private let isByteHash: Bool

    init(_ name: String) {
        var hasher = NameHasher()
        name.withUTF8Bytes { bytes in
            for byte in bytes { hasher.combine(byte) }
        }
        self.init(hasher, of: name)
    }

    /// The hash of `name` from a hasher that was given its bytes.
    init(_ hasher: NameHasher, of name: @autoclosure () -> String) {
        if hasher.isPlain {
            self.init(value: hasher.value, isByteHash: true)
        } else {
            self.init(value: UInt64(UInt(bitPattern: name().hashValue)), isByteHash: false)
        }
    }

    private init(value: UInt64, isByteHash: Bool) {
        self.value = value
        self.isByteHash = isByteHash
    }

    /// The hash of `extended`, which is this hash's name followed by the
    /// plain byte `suffix`: one more step instead of a pass over the bytes.
    func appending(_ suffix: UInt8, giving extended: String) -> NameHash {
        guard isByteHash, NameHasher.isPlain(suffix) else { return NameHash(extended) }
        var hasher = NameHasher(continuing: value)
        hasher.combine(suffix)
        return NameHash(value: hasher.value, isByteHash: true)
    }
}

/// FNV-1a over the bytes of a name, noting whether they are all plain
/// (see `NameHash`).
struct NameHasher {
    private(set) var value: UInt64
    private(set) var isPlain = true

    init() { value = 0xCBF2_9CE4_8422_2325 }

    fileprivate init(continuing value: UInt64) { self.value = value }

    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        isPlain = isPlain && Self.isPlain(byte)
    }

    /// ASCII, and none of the characters another spelling may stand for.
    static func isPlain(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: "K") && byte != UInt8(ascii: ";") && byte != UInt8(ascii: "`")
    }
}
