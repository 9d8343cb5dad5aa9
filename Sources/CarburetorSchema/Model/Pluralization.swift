/// The default plural of a table name, and a modest English check of it.
///
/// The language's rule is deliberately simple — the plural is the name plus
/// `s` — so that nobody has to guess what a table is called in PostgreSQL.
/// `englishPlural` only decides whether that rule reads wrong, so the checker
/// can warn and offer the spelling a person would write.
package enum Pluralization {
    /// What the language uses when no `plural = "…"` is given: the name
    /// and an `s`. Built from the bytes (the same string), since most
    /// tables take it and `name + "s"` goes through `String`'s general
    /// append, several times the cost.
    package static func defaultPlural(of name: String) -> String {
        name.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count + 1) { buffer in
                let end = buffer.initialize(fromContentsOf: bytes)
                buffer[end] = UInt8(ascii: "s")
                return end + 1
            }
        }
    }

    /// A best guess at the English plural of a `snake_case` name; only the
    /// last word is inflected (`sales_person` → `sales_people`).
    package static func englishPlural(of name: String) -> String {
        let lastUnderscore = isPlainASCII(name) ? name.utf8.lastIndex(of: UInt8(ascii: "_")) : name.lastIndex(of: "_")
        let prefix = lastUnderscore.map { String(name[...$0]) } ?? ""
        let word = lastUnderscore.map { String(name[name.index(after: $0)...]) } ?? name
        guard !word.isEmpty else { return defaultPlural(of: name) }
        return prefix + pluralOfWord(word)
    }

    /// Whether the last word of a name already reads as a plural (`users`,
    /// `order_items`): a single `s` after a letter, but not the endings of
    /// singular nouns such as `address`, `status`, `analysis` or `alias`.
    package static func looksPlural(_ name: String) -> Bool {
        let lastWord: Substring? = isPlainASCII(name)
            ? name.utf8.split(separator: UInt8(ascii: "_")).last.map { name[$0.startIndex..<$0.endIndex] }
            : name.split(separator: "_").last
        let word = (lastWord.map(String.init) ?? name).lowercased()
        if irregularPlurals.contains(word) { return true }
        guard word.count > 2, word.hasSuffix("s"), !uncountable.contains(word), irregular[word] == nil else {
            return false
        }
        return !singularEndings.contains { word.hasSuffix($0) }
    }

    /// False when `defaultPlural` certainly reads right, decided on the bytes
    /// of a plain ASCII name without building a string in the usual case
    /// (this runs for every table without a written plural): the last word
    /// ends neither like a plural nor like a word English inflects otherwise
    /// (`-s`, `-x`, `-z`, `-ch`, `-sh`, consonant + `y`), and is none of the
    /// irregular or uncountable nouns. True means `looksPlural` and
    /// `englishPlural` must decide.
    package static func defaultPluralMayReadWrong(_ name: String) -> Bool {
        name.withUTF8Bytes { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return true }
            let underscore = UInt8(ascii: "_")
            var end = bytes.endIndex
            while end > bytes.startIndex, bytes[end - 1] == underscore { end -= 1 }
            var start = end
            while start > bytes.startIndex, bytes[start - 1] != underscore { start -= 1 }
            guard start < end else { return false }
            let last = lowercased(bytes[end - 1])
            let beforeLast = end - start >= 2 ? lowercased(bytes[end - 2]) : nil
            switch last {
            case UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "z"):
                return true
            case UInt8(ascii: "h") where beforeLast == UInt8(ascii: "c") || beforeLast == UInt8(ascii: "s"):
                return true
            case UInt8(ascii: "y") where beforeLast.map { isLetter($0) && !isVowel($0) } ?? false:
                return true
            default:
                break
            }
            guard end - start <= longestKnownWord, knownWordLastLetters.contains(last) else { return false }
            let word = String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in 0..<(end - start) { buffer[offset] = lowercased(bytes[start + offset]) }
                return end - start
            }
            return knownWords.contains(word)
        }
    }

    /// The irregular and uncountable nouns, singular and plural.
    private static let knownWords = Set(irregular.keys).union(irregular.values).union(uncountable)
    private static let longestKnownWord = knownWords.map(\.utf8.count).max() ?? 0
    private static let knownWordLastLetters = Set(knownWords.compactMap(\.utf8.last))

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        isUppercase(byte) ? byte + 32 : byte
    }

    private static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        isUppercase(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }

    /// A lower-case vowel, as in `vowels`.
    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): true
        default: false
        }
    }

    /// ASCII without `\r` (which joins a following `\n` into one character):
    /// byte positions are then character positions, and splitting the
    /// bytes gives what splitting the characters would, without the cost of
    /// finding character boundaries (this runs for every table).
    private static func isPlainASCII(_ name: String) -> Bool {
        name.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
    }

    private static let singularEndings = ["ss", "us", "is", "as"]
    private static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]

    private static let irregularPlurals = Set(irregular.values)

    /// Nouns whose plural no suffix rule produces.
    private static let irregular: [String: String] = [
        "person": "people", "child": "children", "man": "men", "woman": "women",
        "mouse": "mice", "goose": "geese", "foot": "feet", "tooth": "teeth",
        "ox": "oxen", "leaf": "leaves", "life": "lives", "knife": "knives",
        "wife": "wives", "half": "halves", "shelf": "shelves", "criterion": "criteria",
        "analysis": "analyses", "thesis": "theses", "crisis": "crises",
    ]

    /// Nouns whose plural is the word itself.
    private static let uncountable: Set<String> = [
        "sheep", "fish", "deer", "series", "species", "news", "data", "metadata",
        "information", "equipment",
    ]

    private static func pluralOfWord(_ word: String) -> String {
        let lower = word.lowercased()
        if uncountable.contains(lower) { return word }
        if let plural = irregular[lower] {
            // Keep a leading capital (`Person` → `People`).
            guard let first = word.first, first.isUppercase else { return plural }
            return plural.prefix(1).uppercased() + plural.dropFirst()
        }
        let scalars = Array(lower.unicodeScalars)
        guard let last = scalars.last else { return word + "s" }
        if last == "y", scalars.count >= 2, !vowels.contains(scalars[scalars.count - 2]),
           scalars[scalars.count - 2].properties.isAlphabetic {
            return String(word.dropLast()) + "ies"
        }
        if last == "s" || last == "x" || last == "z" || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            return word + "es"
        }
        return word + "s"
    }
}
