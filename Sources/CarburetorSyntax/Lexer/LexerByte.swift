import CarburetorSchema

/// Byte values the lexer compares against, named so the switch reads like the grammar.
enum LexerByte {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let verticalTab: UInt8 = 0x0B
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let bang = UInt8(ascii: "!")
    static let quote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$")
    static let apostrophe = UInt8(ascii: "'")
    static let leftParen = UInt8(ascii: "(")
    static let rightParen = UInt8(ascii: ")")
    static let star = UInt8(ascii: "*")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let lessThan = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greaterThan = UInt8(ascii: ">")
    static let leftBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let rightBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_")
    static let leftBrace = UInt8(ascii: "{")
    static let rightBrace = UInt8(ascii: "}")

    // The range tests below subtract with wrap-around, so each is one compare.

    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- zero < 10
    }

    /// An ASCII letter: setting bit 5 maps `A`…`Z` onto `a`…`z` and nothing else there.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// A letter, digit or `_`: looked up in a 128-bit set, one bit per ASCII
    /// byte (digits in the low word; letters and `_` in the high one).
    static func isIdentifierContinue(_ byte: UInt8) -> Bool {
        let low: UInt64 = 0x03FF_0000_0000_0000  // "0"…"9": bits 48…57
        let high: UInt64 = 0x07FF_FFFE_87FF_FFFE  // "A"…"Z": 65…90, "_": 95, "a"…"z": 97…122, less 64
        let word = byte < 64 ? low : high
        return byte < 128 && (word >> UInt64(byte & 63)) & 1 != 0
    }

    /// How many of the eight bytes of `word` (read little-endian: the first
    /// byte is the lowest), from the first, are ASCII letters, digits or `_`;
    /// 8 when all are. All eight bytes are tested at once: for each byte,
    /// adding a constant sets its top bit exactly when it is at least (or
    /// above) a bound, and no byte carries into the next because the top bits
    /// are cleared first (a byte with its top bit set is not ASCII, so not in
    /// a name).
    static func identifierLength(inWord word: UInt64) -> Int {
        let topBits: UInt64 = 0x8080_8080_8080_8080
        let lowBits = word & ~topBits
        let letters = inRange(lowBits | 0x2020_2020_2020_2020, from: UInt8(ascii: "a"), to: UInt8(ascii: "z"))
        let digits = inRange(lowBits, from: zero, to: nine)
        let underscores = inRange(lowBits, from: underscore, to: underscore)
        let notInName = ~((letters | digits | underscores) & ~word) & topBits
        return notInName.trailingZeroBitCount / 8
    }

    /// The top bit of each byte of `bytes` (all below 0x80) set when the byte
    /// is in `low...high`, every other bit clear.
    private static func inRange(_ bytes: UInt64, from low: UInt8, to high: UInt8) -> UInt64 {
        let everyByte: UInt64 = 0x0101_0101_0101_0101
        let atLeastLow = bytes &+ UInt64(0x80 - low) &* everyByte
        let aboveHigh = bytes &+ UInt64(0x7F - high) &* everyByte
        return atLeastLow & ~aboveHigh & 0x8080_8080_8080_8080
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte)
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
            || byte == formFeed || byte == verticalTab
    }
}
