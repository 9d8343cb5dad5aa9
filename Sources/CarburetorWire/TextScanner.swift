// A tiny cursor over ASCII text for the fixed-format wire strings
// (`YYYY-MM-DD`, `HH:MM:SS.ffffff`, RFC 3339). Hand-written so parsing is
// exact to the microsecond and independent of locale and Foundation formatters.

struct TextScanner {
    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position == bytes.count }

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// `count` or more decimal digits (years may have more than four).
    mutating func digits(atLeast count: Int) -> Int? {
        var end = position
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"), end - position < 9 {
            end += 1
        }
        guard end - position >= count else { return nil }
        return digits(end - position)
    }

    /// Exactly `count` decimal digits.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[position + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        position += count
        return value
    }

    /// Consumes `character` if it is next.
    mutating func skip(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, peek == ascii else { return false }
        position += 1
        return true
    }

    /// Consumes one of `characters` if it is next.
    mutating func skip(anyOf characters: String) -> Bool {
        guard let next = peek, characters.utf8.contains(next) else { return false }
        position += 1
        return true
    }

    /// An optional fraction `.d…` (1 to 9 digits) as microseconds, rounded
    /// half up to the microsecond. `nil` when the fraction is malformed.
    mutating func fractionMicroseconds() -> Int64? {
        guard skip(".") else { return 0 }
        var digitsRead = 0
        var nanoseconds: Int64 = 0
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            guard digitsRead < 9 else { return nil }
            nanoseconds = nanoseconds * 10 + Int64(byte - UInt8(ascii: "0"))
            digitsRead += 1
            position += 1
        }
        guard digitsRead > 0 else { return nil }
        for _ in digitsRead..<9 { nanoseconds *= 10 }
        return (nanoseconds + 500) / 1000
    }
}

/// Zero-padded decimal text.
func padded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// `.ffffff` (always six digits), or "" for a whole second.
func fractionText(microseconds: Int64) -> String {
    microseconds == 0 ? "" : "." + padded(Int(microseconds), width: 6)
}
