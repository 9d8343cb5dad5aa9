import CarburetorSchema

// The concrete syntax tree the parser builds. Every node carries its source
// range. Nodes that the parser could not find are still present with a
// `nil` child or an empty range, so the tree is always well formed and the
// resolver can check what was written even when a comma was missing.

/// An identifier as written, with where it was written.
public struct Identifier: Hashable, Sendable {
    public var text: String
    public var range: SourceRange

    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A string literal: its unescaped value and the range including quotes.
public struct StringLiteral: Hashable, Sendable {
    public var value: String
    public var range: SourceRange

    public init(_ value: String, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A `/// …` comment line attached to the declaration after it.
public struct DocComment: Hashable, Sendable {
    public var text: String
    public var range: SourceRange

    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A whole `.carb` file.
public struct ConfigSyntax: Hashable, Sendable {
    /// Range of `carburetor_sync_config! {` … `}` when the file is wrapped.
    public var macroWrapper: SourceRange?
    /// Every block in source order, including repeated and unknown ones so the
    /// resolver can report them.
    public var blocks: [BlockSyntax]
    public var range: SourceRange

    public init(macroWrapper: SourceRange?, blocks: [BlockSyntax], range: SourceRange) {
        self.macroWrapper = macroWrapper
        self.blocks = blocks
        self.range = range
    }
}

public enum BlockKind: Hashable, Sendable {
    case tables
    case syncGroups
    /// A top-level word that is neither; its body is skipped by brace matching.
    case unknown
}

/// `tables { … }`, `sync_groups { … }` or an unknown top-level block.
public struct BlockSyntax: Hashable, Sendable {
    public var kind: BlockKind
    public var keyword: Identifier
    public var tables: [TableSyntax]
    public var groups: [GroupSyntax]
    public var range: SourceRange

    public init(kind: BlockKind, keyword: Identifier, tables: [TableSyntax] = [],
                groups: [GroupSyntax] = [], range: SourceRange) {
        self.kind = kind
        self.keyword = keyword
        self.tables = tables
        self.groups = groups
        self.range = range
    }
}

/// `name = value` inside a table's or a group entry's parentheses.
public struct ArgumentSyntax: Hashable, Sendable {
    public var name: Identifier
    /// `nil` when `= value` is missing entirely.
    public var value: ArgumentValueSyntax?
    public var range: SourceRange

    public init(name: Identifier, value: ArgumentValueSyntax?, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// What may follow `=` in an argument. The parser accepts any of these in any
/// argument; the resolver reports the ones that do not fit (a plural that is
/// not a string, `restrict_to` without `$`, a `$` on `restrict_to_column`).
public enum ArgumentValueSyntax: Hashable, Sendable {
    case string(StringLiteral)
    case identifier(Identifier)
    /// `$name`: `dollar` is the range of the `$` sign.
    case variable(Identifier, dollar: SourceRange)
    case number(String, range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .string(let literal): literal.range
        case .identifier(let identifier): identifier.range
        case .variable(let identifier, let dollar): dollar.union(identifier.range)
        case .number(_, let range): range
        }
    }
}

public struct TableSyntax: Hashable, Sendable {
    public var docs: [DocComment]
    /// Attributes before the name (`#[renamed_from(old)]`).
    public var attributes: [AttributeSyntax]
    public var name: Identifier
    /// `nil` when the table has no parenthesised argument list.
    public var arguments: [ArgumentSyntax]?
    public var columns: [ColumnSyntax]
    /// Range of the `{ … }` body.
    public var bodyRange: SourceRange
    public var range: SourceRange

    public init(docs: [DocComment], attributes: [AttributeSyntax] = [], name: Identifier,
                arguments: [ArgumentSyntax]?,
                columns: [ColumnSyntax], bodyRange: SourceRange, range: SourceRange) {
        self.docs = docs
        self.attributes = attributes
        self.name = name
        self.arguments = arguments
        self.columns = columns
        self.bodyRange = bodyRange
        self.range = range
    }
}

public struct ColumnSyntax: Hashable, Sendable {
    public var docs: [DocComment]
    public var attributes: [AttributeSyntax]
    public var name: Identifier
    /// `nil` when `-> Type` is missing.
    public var type: TypeSyntax?
    public var range: SourceRange

    public init(docs: [DocComment], attributes: [AttributeSyntax], name: Identifier,
                type: TypeSyntax?, range: SourceRange) {
        self.docs = docs
        self.attributes = attributes
        self.name = name
        self.type = type
        self.range = range
    }
}

/// `Name` or `Name<Argument>`. The grammar allows only `Nullable<…>`; any
/// generic form is parsed so the resolver can say what is wrong with it.
public enum TypeSyntax: Hashable, Sendable {
    case named(Identifier)
    indirect case generic(Identifier, argument: TypeSyntax?, range: SourceRange)

    public var name: Identifier {
        switch self {
        case .named(let identifier): identifier
        case .generic(let identifier, _, _): identifier
        }
    }

    public var range: SourceRange {
        switch self {
        case .named(let identifier): identifier.range
        case .generic(_, _, let range): range
        }
    }
}

/// `#[name]` or `#[name(arguments)]`. Attribute names are checked by the
/// resolver, so an unknown attribute is parsed like a known one.
public struct AttributeSyntax: Hashable, Sendable {
    public var name: Identifier
    /// Present for `#[default(…)]` (and any other attribute written with parentheses).
    public var defaultArgument: DefaultArgumentSyntax? {
        get { boxedDefaultArgument?.value }
        set { boxedDefaultArgument = newValue.map(ValueBox.init) }
    }
    /// True when parentheses followed the name, even if their contents were unusable.
    public var hasParentheses: Bool
    public var range: SourceRange
    /// Most attributes (`#[id]`, `#[immutable]`) have no argument; kept
    /// inline, one would make every attribute of a large config's tree
    /// more than twice as big.
    private var boxedDefaultArgument: ValueBox<DefaultArgumentSyntax>?

    public init(name: Identifier, defaultArgument: DefaultArgumentSyntax?,
                hasParentheses: Bool, range: SourceRange) {
        self.name = name
        self.boxedDefaultArgument = defaultArgument.map(ValueBox.init)
        self.hasParentheses = hasParentheses
        self.range = range
    }
}

/// The inside of `#[default(…)]`: `sql = Now`, `sql`, `swift = "expr"`, `rust = "expr"`.
public struct DefaultArgumentSyntax: Hashable, Sendable {
    /// `sql`, `swift` or `rust` (or whatever was written, for the resolver to report).
    public var kind: Identifier
    /// `nil` for bare `#[default(sql)]`.
    public var value: DefaultValueSyntax?
    public var range: SourceRange

    public init(kind: Identifier, value: DefaultValueSyntax?, range: SourceRange) {
        self.kind = kind
        self.value = value
        self.range = range
    }
}

/// The value after `=` in a default: a string (for `swift`/`rust`), a bare
/// variant (`Now`, `Null`, `EmptyJson`) or a call (`Text("…")`, `Number(-1.5)`).
public enum DefaultValueSyntax: Hashable, Sendable {
    case string(StringLiteral)
    case variant(Identifier)
    indirect case call(Identifier, argument: ArgumentValueSyntax?, range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .string(let literal): literal.range
        case .variant(let identifier): identifier.range
        case .call(_, _, let range): range
        }
    }
}

public struct GroupSyntax: Hashable, Sendable {
    public var docs: [DocComment]
    public var name: Identifier
    public var entries: [GroupEntrySyntax]
    public var bodyRange: SourceRange
    public var range: SourceRange

    public init(docs: [DocComment], name: Identifier, entries: [GroupEntrySyntax],
                bodyRange: SourceRange, range: SourceRange) {
        self.docs = docs
        self.name = name
        self.entries = entries
        self.bodyRange = bodyRange
        self.range = range
    }
}

/// `table` or `table(restrict_to = $var, restrict_to_column = column)`.
public struct GroupEntrySyntax: Hashable, Sendable {
    public var table: Identifier
    public var arguments: [ArgumentSyntax]?
    public var range: SourceRange

    public init(table: Identifier, arguments: [ArgumentSyntax]?, range: SourceRange) {
        self.table = table
        self.arguments = arguments
        self.range = range
    }
}
