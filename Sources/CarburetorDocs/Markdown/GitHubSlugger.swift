/// Computes the anchors GitHub gives Markdown headings, so links written by
/// the docs backend land on the heading they mean.
///
/// GitHub lower-cases the heading's rendered text, drops every character
/// that is not a letter, mark, number, connector punctuation (`_`), hyphen
/// or space, turns each space into a hyphen, and numbers repeats within one
/// document: the second `Request` heading becomes `request-1`.
public struct GitHubSlugger: Sendable {
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The slug of `text` without de-duplication.
    public static func baseSlug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars where isKept(scalar) {
            slug.unicodeScalars.append(scalar == " " ? "-" : scalar)
        }
        return slug
    }

    /// The slug of the next heading with `text`, unique within this document.
    public mutating func slug(_ text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        if let seen = occurrences[base] {
            var counter = seen
            repeat {
                counter += 1
                candidate = "\(base)-\(counter)"
            } while occurrences[candidate] != nil
            occurrences[base] = counter
        } else {
            occurrences[base] = 0
        }
        if candidate != base { occurrences[candidate] = 0 }
        return candidate
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "-" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}
