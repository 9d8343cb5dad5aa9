import Crypto

/// SHA-256 helpers shared by the sum file, the history table checksums and
/// derived names.
public enum Hashing {
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// Hashes the text's UTF-8 in place, without copying it: migration
    /// files of a large schema run to megabytes, hashed on every command.
    public static func sha256(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { Array(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// Lower-case hexadecimal.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// The checksum recorded for an applied migration: hex SHA-256 of its up.sql.
    public static func checksum(of text: String) -> String {
        hex(sha256(text))
    }
}
