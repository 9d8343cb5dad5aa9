/// How a `ColumnSyntax` keeps its `[AttributeSyntax]`: a lone bare marker
/// (`#[id]`, `#[immutable]`) inline, in the 8 bytes the array took.
///
/// An array costs a heap allocation for each column with an attribute, and
/// freeing it (through the runtime's generic array teardown) costs more
/// than the rest of the column's teardown; a large config has one for a
/// quarter of its columns, nearly all a single marker.
///
/// Each `[AttributeSyntax]` has exactly one storage (`init(_:)` and the
/// parser's appends keep it so), so comparing storages compares the lists.
enum ColumnAttributeStorage: Hashable, Sendable {
    case none
    /// One bare marker whose offsets fit `CompactMarkerAttribute`.
    case marker(CompactMarkerAttribute)
    /// Any other attributes, as written: never empty, never a lone compact marker.
    case list([AttributeSyntax])

    init(_ attributes: [AttributeSyntax]) {
        if attributes.isEmpty {
            self = .none
        } else if attributes.count == 1, let marker = CompactMarkerAttribute(attributes[0]) {
            self = .marker(marker)
        } else {
            self = .list(attributes)
        }
    }

    /// The attributes as the public syntax tree spells them.
    var syntax: [AttributeSyntax] {
        switch self {
        case .none: []
        case .marker(let marker): [marker.syntax]
        case .list(let attributes): attributes
        }
    }

    var isEmpty: Bool {
        if case .none = self { return true }
        return false
    }

    /// Adds the next attribute as the parser reads it.
    mutating func append(_ marker: CompactMarkerAttribute) {
        if case .none = self {
            self = .marker(marker)
        } else {
            append(marker.syntax)
        }
    }

    /// Adds the next attribute as the parser reads it.
    mutating func append(_ attribute: AttributeSyntax) {
        switch self {
        case .none:
            self = ColumnAttributeStorage([attribute])
        case .marker(let first):
            self = .list([first.syntax, attribute])
        case .list(var attributes):
            self = .none  // so the array is uniquely referenced and grows in place
            attributes.append(attribute)
            self = .list(attributes)
        }
    }
}

/// The attributes that are written bare (`#[id]`) and mean one thing; the
/// resolver decides what each means.
enum MarkerAttributeName: UInt8, CaseIterable, Sendable {
    case id
    case immutable
    case lastSyncedAt
    case isDeleted
    case dirtyFlag
    case clientColumnSyncMetadata

    /// A literal: an attribute's name costs no string of its own.
    var spelling: String { staticSpelling.description }

    /// The spelling as the lexer compares it with a token's bytes.
    var staticSpelling: StaticString {
        switch self {
        case .id: "id"
        case .immutable: "immutable"
        case .lastSyncedAt: "last_synced_at"
        case .isDeleted: "is_deleted"
        case .dirtyFlag: "dirty_flag"
        case .clientColumnSyncMetadata: "client_column_sync_metadata"
        }
    }

    init?(spelling: String) {
        guard let name = Self.allCases.first(where: { $0.spelling == spelling }) else { return nil }
        self = name
    }
}

/// A bare marker attribute, `#[name]`, in 7 bytes: the name as a
/// `MarkerAttributeName`, the start as a 32-bit offset and the rest as
/// short distances. An attribute that does not fit (a file over 4 GB,
/// hundreds of bytes of comments inside `#[ … ]`) is kept as written.
struct CompactMarkerAttribute: Hashable, Sendable {
    let name: MarkerAttributeName
    private let start: UInt32
    /// From the start (`#[`) to the name.
    private let nameOffset: UInt8
    /// From the end of the name to the end of the attribute (`]`, or 0 when it is missing).
    private let closeLength: UInt8

    init?(_ name: MarkerAttributeName, start: Int, nameStart: Int, end: Int) {
        let nameEnd = nameStart + name.staticSpelling.utf8CodeUnitCount
        guard start >= 0, start <= nameStart, nameEnd <= end, let start = UInt32(exactly: start),
              let nameOffset = UInt8(exactly: nameStart - Int(start)),
              let closeLength = UInt8(exactly: end - nameEnd) else { return nil }
        self.name = name
        self.start = start
        self.nameOffset = nameOffset
        self.closeLength = closeLength
    }

    /// `nil` unless `attribute` is a marker without parentheses that fits.
    init?(_ attribute: AttributeSyntax) {
        guard !attribute.hasParentheses, attribute.defaultArgument == nil,
              let name = MarkerAttributeName(spelling: attribute.name.text),
              attribute.name.range.length == name.staticSpelling.utf8CodeUnitCount else { return nil }
        self.init(name, start: attribute.range.start, nameStart: attribute.name.range.start,
                  end: attribute.range.end)
    }

    var nameRange: SourceRange {
        let nameStart = Int(start) + Int(nameOffset)
        return SourceRange(start: nameStart, end: nameStart + name.staticSpelling.utf8CodeUnitCount)
    }

    var range: SourceRange {
        SourceRange(start: Int(start), end: nameRange.end + Int(closeLength))
    }

    var syntax: AttributeSyntax {
        AttributeSyntax(name: Identifier(name.spelling, range: nameRange), defaultArgument: nil,
                        hasParentheses: false, range: range)
    }
}
