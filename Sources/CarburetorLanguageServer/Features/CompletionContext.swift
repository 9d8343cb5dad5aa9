import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Where the cursor stands, read from the tokens before it with a stack of
/// open brackets: it works on half-written text that does not parse.
struct CompletionContext {
    enum Frame: Equatable {
        case wrapper
        case tablesBlock
        case groupsBlock
        case otherBlock
        case tableArguments
        case tableBody(table: String)
        case groupBody(group: String)
        case entryArguments(group: String, table: String)
        /// `#[…`: the attribute's name once written; `onTable` before a table's name.
        case attribute(name: String?, onTable: Bool)
        case attributeArguments(name: String)
        case angle
        case brace
        case paren

        var closer: TokenKind {
            switch self {
            case .wrapper, .tablesBlock, .groupsBlock, .otherBlock, .tableBody, .groupBody, .brace: .rightBrace
            case .tableArguments, .entryArguments, .attributeArguments, .paren: .rightParen
            case .attribute: .rightBracket
            case .angle: .rightAngle
            }
        }
    }

    /// Innermost last; empty at the top level.
    var frames: [Frame] = []
    /// The tokens before the cursor (not counting a word being typed), last one last.
    var previous: [Token] = []
    /// True inside a string or comment: nothing to complete.
    var isInLiteral = false

    var innermost: Frame? { frames.last }

    /// The kind of the token just before the cursor, and the one before that.
    var last: Token? { previous.last }
    var secondToLast: Token? { previous.count >= 2 ? previous[previous.count - 2] : nil }

    init(tokens: [Token], offset: Int) {
        var before: [Token] = []
        for token in tokens where token.kind != .endOfFile {
            if token.range.end < offset || (token.range.end == offset && token.kind != .identifier) {
                let isComment = token.kind == .comment || token.kind == .docComment
                // Right after a line comment is still inside it.
                if isComment, token.range.end == offset, token.kind == .docComment || !token.stringValue.hasSuffix("*/") {
                    isInLiteral = true
                    break
                }
                if !isComment { before.append(token) }
            } else if token.range.start < offset {
                // The cursor is inside this token: a word being typed, or a literal.
                if token.kind == .string || token.kind == .comment || token.kind == .docComment {
                    isInLiteral = true
                }
                break
            } else {
                break
            }
        }
        previous = before
        var declaredName = ""
        var entryTable = ""
        for (index, token) in before.enumerated() {
            let top = frames.last
            switch token.kind {
            case .identifier:
                switch top {
                case .tablesBlock?, .groupsBlock?: declaredName = token.stringValue
                case .groupBody?: entryTable = token.stringValue
                case .attribute(nil, let onTable)?: frames[frames.count - 1] = .attribute(name: token.stringValue, onTable: onTable)
                default: break
                }
            case .leftBrace:
                switch top {
                case nil, .wrapper?:
                    let word = index > 0 ? before[index - 1] : nil
                    if word?.kind == .bang { frames.append(.wrapper) }
                    else if word?.stringValue == "tables" { frames.append(.tablesBlock) }
                    else if word?.stringValue == "sync_groups" { frames.append(.groupsBlock) }
                    else { frames.append(.otherBlock) }
                case .tablesBlock?: frames.append(.tableBody(table: declaredName))
                case .groupsBlock?: frames.append(.groupBody(group: declaredName))
                default: frames.append(.brace)
                }
            case .leftParen:
                switch top {
                case .tablesBlock?: frames.append(.tableArguments)
                case .groupBody(let group)?: frames.append(.entryArguments(group: group, table: entryTable))
                case .attribute(let name?, _)?: frames.append(.attributeArguments(name: name))
                default: frames.append(.paren)
                }
            case .attributeOpen:
                frames.append(.attribute(name: nil, onTable: top == .tablesBlock))
            case .leftAngle:
                frames.append(.angle)
            case .rightBrace, .rightParen, .rightBracket, .rightAngle:
                if let match = frames.lastIndex(where: { $0.closer == token.kind }) {
                    frames.removeSubrange(match...)
                }
            default:
                break
            }
        }
    }
}
