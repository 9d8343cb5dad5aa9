/// Names the backend derives (indexes, constraints): deterministic, at most
/// 63 bytes, and distinct whenever their full spellings are distinct.
///
/// A name that fits is used as is. A longer one is cut at a character
/// boundary and ends in `_` plus 10 hex digits of the FNV-1a 64-bit hash of
/// the full name, so two long names sharing their first 52 bytes still
/// differ. PostgreSQL would otherwise cut silently, and two indexes whose
/// names agree in their first 63 bytes would clash.
public enum SQLDerivedName {
    static let hashDigits = 10

    /// Joins `parts` with `_` and shortens the result if needed.
    public static func make(_ parts: [String]) -> String {
        shortened(parts.joined(separator: "_"))
    }

    public static func shortened(_ name: String, limit: Int = SQLIdentifier.maximumByteCount) -> String {
        guard name.utf8.count > limit else { return name }
        let suffix = "_" + hashHex(name)
        var prefix = ""
        for character in name {
            if prefix.utf8.count + String(character).utf8.count + suffix.utf8.count > limit { break }
            prefix.append(character)
        }
        return prefix + suffix
    }

    /// The first `hashDigits` hex digits of FNV-1a 64 of the UTF-8 bytes.
    static func hashHex(_ text: String) -> String {
        let hex = String(FNV1a64.hash(text), radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return String(padded.prefix(hashDigits))
    }
}

/// The 64-bit Fowler–Noll–Vo hash (variant 1a): tiny, stable across
/// platforms and releases (unlike `Hasher`), good enough to tell names and
/// schemas apart. Not a cryptographic hash.
public enum FNV1a64 {
    public static func hash(_ text: String) -> UInt64 {
        hash(bytes: text.utf8)
    }

    public static func hash<Bytes: Sequence<UInt8>>(bytes: Bytes) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value
    }

    public static func hex(_ text: String) -> String {
        let hex = String(hash(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
