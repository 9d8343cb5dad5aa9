/// The Swift names the backends will generate, for the clash checks.
///
/// Same results as `Naming.upperCamelCase` / `Naming.lowerCamelCase` (a test
/// checks it), computed straight on the bytes for ASCII names — every name
/// the lexer produces — because the checker converts every table, column and
/// group name of a file, and the general version splits and joins strings.
enum SwiftNames {
    static func typeName(_ name: String) -> String { camelCase(name, upperFirst: true) }

    static func propertyName(_ name: String) -> String { camelCase(name, upperFirst: false) }

    private static func camelCase(_ name: String, upperFirst: Bool) -> String {
        name.withUTF8Bytes { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return upperFirst ? Naming.upperCamelCase(name) : Naming.lowerCamelCase(name)
            }
            return asciiCamelCase(bytes, upperFirst: upperFirst)
        }
    }

    private static func asciiCamelCase(_ bytes: UnsafeBufferPointer<UInt8>, upperFirst: Bool) -> String {
        let underscore = UInt8(ascii: "_")
        return String(unsafeUninitializedCapacity: max(bytes.count, 1)) { buffer in
            var length = 0
            var startsWord = true
            for byte in bytes {
                if byte == underscore {
                    startsWord = true
                    continue
                }
                buffer[length] = startsWord && isLowercaseLetter(byte) ? byte - 32 : byte
                startsWord = false
                length += 1
            }
            if length == 0 {
                buffer[0] = underscore
                return 1
            }
            if !upperFirst, isUppercaseLetter(buffer[0]) { buffer[0] += 32 }
            return length
        }
    }

    /// A `NameHash` for `typeName(name)`, equal for equal type names and
    /// computed on the bytes without building the name: every table claims
    /// its Swift type name, and nearly all are free. A plain type name (see
    /// `NameHash`) gets an FNV-1a hash of its bytes, any other the
    /// `NameHash` of the built name (a `hashValue`), so the two kinds never
    /// need to agree.
    static func typeNameHash(_ name: String) -> NameHash {
        let underscore = UInt8(ascii: "_")
        let plainHash: UInt64? = name.withUTF8Bytes { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var startsWord = true
            var isEmpty = true
            var isPlain = true
            for byte in bytes {
                if byte == underscore {
                    startsWord = true
                    continue
                }
                let converted = startsWord && isLowercaseLetter(byte) ? byte &- 32 : byte
                isPlain = isPlain && converted < 0x80 && converted != UInt8(ascii: "K")
                    && converted != UInt8(ascii: ";") && converted != UInt8(ascii: "`")
                hash = (hash ^ UInt64(converted)) &* 0x0000_0100_0000_01B3
                startsWord = false
                isEmpty = false
            }
            // An empty type name becomes "_".
            if isEmpty { hash = (hash ^ UInt64(underscore)) &* 0x0000_0100_0000_01B3 }
            return isPlain ? hash : nil
        }
        return plainHash.map(NameHash.init(plainByteHash:)) ?? NameHash(typeName(name))
    }

    /// An FNV-1a hash of `propertyName(name)` with its letters lower-cased,
    /// computed on the bytes without building the name (`nil` for a
    /// non-ASCII name): a cheap first test for clashes, since equal property
    /// names have equal hashes. Folding case keeps the loop short (the
    /// property name is the name without underscores, some letters
    /// re-cased); names that differ only in case then share a hash, and
    /// the exact check sorts them out.
    static func propertyNameHash(_ name: String) -> UInt64? {
        name.withUTF8Bytes { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var isEmpty = true
            // Checked after the loop, which then has one branch per byte.
            var allBits: UInt8 = 0
            for byte in bytes where byte != UInt8(ascii: "_") {
                allBits |= byte
                // Setting 0x20 lower-cases a letter and leaves digits as
                // they are (other bytes only share a hash more often).
                hash = (hash ^ UInt64(byte | 0x20)) &* 0x0000_0100_0000_01B3
                isEmpty = false
            }
            guard allBits < 0x80 else { return nil }
            // An empty property name becomes "_".
            if isEmpty { hash = (hash ^ UInt64(UInt8(ascii: "_"))) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isUppercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }
}
