/// The Swift names the backends will generate, for the clash checks.
///
/// Same results as `Naming.upperCamelCase` / `Naming.lowerCamelCase` (a test
/// checks it), computed straight on the bytes for ASCII names — every name
/// the lexer produces — because the checker converts every table, column and
/// group name of a file, and the general version splits and joins strings.
package enum SwiftNames {
    package static func typeName(_ name: String) -> String { camelCase(name, upperFirst: true) }

    package static func propertyName(_ name: String) -> String { camelCase(name, upperFirst: false) }

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

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isUppercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }
}
