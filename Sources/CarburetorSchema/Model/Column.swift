/// A resolved column.
///
/// A large config has hundreds of thousands of columns, the largest item in
/// the compiler's memory, so a column is laid out tightly (40 bytes, not
/// 120): the fields most columns leave empty (defaults, documentation, a
/// previous name) share one optional box, and the source range is stored as
/// two 32-bit offsets. The public properties read and write as plain fields.
public struct Column: Hashable, Sendable {
    public var name: String
    /// `nil` when every rare field is `nil`, so equal columns are laid out
    /// alike and the synthesized `==` and `hash(into:)` stay correct.
    private var rareFields: ValueBox<RareColumnValues>?
    private var compactRange: CompactSourceRange
    public var type: ColumnType
    public var role: ColumnRole
    /// True when the compiler added the column (id, sync stamp, soft delete).
    public var isSynthesized: Bool
    /// Set on insert and never by an update. Always true for the id.
    public var isImmutable: Bool

    /// An upload that creates a row must set it: NOT NULL without a default
    /// (the soft-delete flag defaults to false).
    public var isRequiredToCreate: Bool {
        !type.isNullable && sqlDefault == nil && role != .softDelete
    }

    public var sqlDefault: SQLDefault? {
        get { rareFields?.value.sqlDefault }
        set { updateRareFields { $0.sqlDefault = newValue } }
    }

    /// `#[default(swift = "expr")]`: a Swift expression for the insert initializer.
    public var swiftDefault: String? {
        get { rareFields?.value.swiftDefault }
        set { updateRareFields { $0.swiftDefault = newValue } }
    }

    /// Text of the `///` comments, lines joined by "\n"; `nil` when none.
    public var documentation: String? {
        get { rareFields?.value.documentation }
        set { updateRareFields { $0.documentation = newValue } }
    }

    /// `#[renamed_from(old)]`: the column's previous name, for migrations.
    public var renamedFrom: String? {
        get { rareFields?.value.renamedFrom }
        set { updateRareFields { $0.renamedFrom = newValue } }
    }

    /// Where the column was declared; `nil` for synthesized columns.
    public var range: SourceRange? {
        get { compactRange.range ?? rareFields?.value.wideRange }
        set {
            let compact = CompactSourceRange(newValue)
            compactRange = compact ?? .none
            updateRareFields { $0.wideRange = compact == nil ? newValue : nil }
        }
    }

    public var isClientOnly: Bool { role.isClientOnly }
    public var isNullable: Bool { type.isNullable }

    private mutating func updateRareFields(_ change: (inout RareColumnValues) -> Void) {
        var values = rareFields?.value ?? RareColumnValues()
        change(&values)
        rareFields = values.boxed
    }
}

// In an extension, so that Swift still synthesizes the memberwise
// initializer the public one delegates to.
extension Column {
    public init(name: String, type: ColumnType, role: ColumnRole = .regular,
                isSynthesized: Bool = false, isImmutable: Bool = false,
                sqlDefault: SQLDefault? = nil, swiftDefault: String? = nil,
                documentation: String? = nil, renamedFrom: String? = nil,
                range: SourceRange? = nil) {
        let compactRange = CompactSourceRange(range)
        // Most columns have none of the rare fields: no box to build and drop.
        let rareFields = sqlDefault == nil && swiftDefault == nil && documentation == nil && renamedFrom == nil
            && compactRange != nil
            ? nil
            : RareColumnValues(sqlDefault: sqlDefault, swiftDefault: swiftDefault, documentation: documentation,
                               renamedFrom: renamedFrom, wideRange: compactRange == nil ? range : nil).boxed
        // Delegating to the memberwise initializer builds the column where it
        // goes; assigning field by field built it aside and copied it (a
        // retain and release per field), once per column of a large config.
        self.init(name: name, rareFields: rareFields, compactRange: compactRange ?? .none, type: type, role: role,
                  isSynthesized: isSynthesized, isImmutable: isImmutable)
    }
}

/// The fields of a `Column` that are usually `nil`.
private struct RareColumnValues: Hashable, Sendable {
    var sqlDefault: SQLDefault?
    var swiftDefault: String?
    var documentation: String?
    var renamedFrom: String?
    /// A range whose offsets do not fit `CompactSourceRange` (a file over 4 GB).
    var wideRange: SourceRange?

    /// A box for the column, or `nil` when there is nothing to keep: equal
    /// columns are then laid out alike (synthesized `==` and hashing).
    var boxed: ValueBox<RareColumnValues>? {
        let isEmpty = sqlDefault == nil && swiftDefault == nil && documentation == nil && renamedFrom == nil
            && wideRange == nil
        return isEmpty ? nil : ValueBox(self)
    }
}

/// An optional `SourceRange` in 8 bytes, for offsets below 4 GB.
private struct CompactSourceRange: Hashable, Sendable {
    private var start: UInt32
    private var end: UInt32

    /// No range: start after end, which no `SourceRange` has.
    static let none = CompactSourceRange(start: 1, end: 0)

    private init(start: UInt32, end: UInt32) {
        self.start = start
        self.end = end
    }

    /// `.none` for `nil`; `nil` when the offsets do not fit.
    init?(_ range: SourceRange?) {
        guard let range else {
            self = .none
            return
        }
        guard range.start >= 0, range.end <= Int(UInt32.max) else { return nil }
        self.init(start: UInt32(range.start), end: UInt32(range.end))
    }

    var range: SourceRange? {
        start <= end ? SourceRange(start: Int(start), end: Int(end)) : nil
    }
}
