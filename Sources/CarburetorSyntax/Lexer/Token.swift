import CarburetorSchema

/// The kinds of token the lexer produces. Keywords are contextual, so every
/// word is an `identifier`; the parser decides what it means where it stands.
public enum TokenKind: Hashable, Sendable {
    case identifier
    /// A `"…"` literal; `Token.stringValue` holds the unescaped text.
    case string
    /// `-?[0-9]+(\.[0-9]+)?`, kept as written.
    case number
    case leftBrace        // {
    case rightBrace       // }
    case leftParen        // (
    case rightParen       // )
    case leftAngle        // <
    case rightAngle       // >
    case comma            // ,
    case equals           // =
    case arrow            // ->
    case attributeOpen    // #[
    case rightBracket     // ]
    case dollar           // $
    case bang             // !
    /// `// …` or `/* … */`; produced only when the lexer is asked to keep comments.
    case comment
    /// `/// …`; the text after the slashes is `Token.stringValue`.
    case docComment
    /// A character that starts no token; the lexer has already reported it.
    case unknown
    case endOfFile
}

public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var range: SourceRange
    /// Unescaped contents for `.string`, comment text for `.docComment`; the
    /// source text otherwise.
    public var stringValue: String
    /// True when a newline separates this token from the one before it; the
    /// formatter uses it to keep a user's blank lines and trailing comments.
    public var isAtStartOfLine: Bool
    /// Number of newlines between the previous token and this one.
    public var newlinesBefore: Int

    public init(kind: TokenKind, range: SourceRange, stringValue: String,
                isAtStartOfLine: Bool = false, newlinesBefore: Int = 0) {
        self.kind = kind
        self.range = range
        self.stringValue = stringValue
        self.isAtStartOfLine = isAtStartOfLine
        self.newlinesBefore = newlinesBefore
    }
}

extension TokenKind {
    /// How the kind is written: the text of punctuation, a word for the others.
    var spelling: String {
        switch self {
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .leftParen: "("
        case .rightParen: ")"
        case .leftAngle: "<"
        case .rightAngle: ">"
        case .comma: ","
        case .equals: "="
        case .arrow: "->"
        case .attributeOpen: "#["
        case .rightBracket: "]"
        case .dollar: "$"
        case .bang: "!"
        case .identifier: "name"
        case .string: "string"
        case .number: "number"
        case .comment: "comment"
        case .docComment: "doc comment"
        case .unknown: "character"
        case .endOfFile: "end of file"
        }
    }
}
