import CarburetorSchema
import CarburetorSyntax

// Column attributes: `#[id]`, `#[immutable]`, `#[default(…)]`, … read into
// one summary per column. Checks that need the column's final role (a
// default on a special column, `#[immutable]` on the sync stamp) come later,
// in `Resolver+Columns.swift`.

/// The attributes that give a column a special role.
enum SpecialAttribute: String, CaseIterable {
    case id = "id"
    case lastSyncedAt = "last_synced_at"
    case isDeleted = "is_deleted"
    case dirtyFlag = "dirty_flag"
    case clientColumnSyncMetadata = "client_column_sync_metadata"

    var role: ColumnRole {
        switch self {
        case .id: .id
        case .lastSyncedAt: .syncStamp
        case .isDeleted: .softDelete
        case .dirtyFlag: .dirtyFlag
        case .clientColumnSyncMetadata: .clientSyncMetadata
        }
    }

    /// The role's name in messages ("id column").
    var roleName: String {
        switch self {
        case .id: "id column"
        case .lastSyncedAt: "sync stamp column"
        case .isDeleted: "soft-delete column"
        case .dirtyFlag: "dirty-flag column"
        case .clientColumnSyncMetadata: "client sync metadata column"
        }
    }

    /// "the id column".
    var roleDescription: String { "the " + roleName }

    /// The one type the role allows.
    var requiredType: ColumnType {
        switch self {
        case .id: ColumnType(.text)
        case .lastSyncedAt: ColumnType(.timestamptz)
        case .isDeleted: ColumnType(.bool)
        case .dirtyFlag: ColumnType(.text, nullable: true)
        case .clientColumnSyncMetadata: ColumnType(.jsonb)
        }
    }

    init?(role: ColumnRole) {
        switch role {
        case .regular: return nil
        case .id: self = .id
        case .syncStamp: self = .lastSyncedAt
        case .softDelete: self = .isDeleted
        case .dirtyFlag: self = .dirtyFlag
        case .clientSyncMetadata: self = .clientColumnSyncMetadata
        }
    }
}

/// What a `#[default(…)]` asks for, once read.
enum DefaultSetting {
    case sql(SQLDefault, valueRange: SourceRange)
    case swift(String)
    /// `rust = "…"`: accepted for compatibility, warned about, ignored.
    case ignored
}

/// The attributes of one column, read and checked for form.
struct ColumnAttributes {
    var special: (kind: SpecialAttribute, range: SourceRange)?
    var immutable: SourceRange?
    /// Range of the (first) `#[default]` attribute.
    var defaultAttribute: SourceRange?
    /// `nil` also when the default was malformed (already reported).
    var defaultSetting: DefaultSetting?
    var renamedFrom: String?
}

/// What a column attribute's name means.
private enum ColumnAttributeName {
    case special(SpecialAttribute)
    case immutable
    case `default`
    case renamedFrom
}

extension Resolver {
    private static let columnAttributeNames = KeywordTable<ColumnAttributeName>(
        SpecialAttribute.allCases.map { ($0.rawValue, .special($0)) }
            + [("immutable", .immutable), ("default", .default), ("renamed_from", .renamedFrom)])

    static let attributeNames = columnAttributeNames.spellings

    mutating func resolveAttributes(_ attributes: [AttributeSyntax]) -> ColumnAttributes {
        var result = ColumnAttributes()
        var renamedFromRange: SourceRange?

        for attribute in attributes {
            let name = attribute.name
            switch Self.columnAttributeNames.value(for: name.text) {
            case .special(let special):
                rejectArguments(of: attribute)
                if let first = result.special {
                    if first.kind == special {
                        reportRepeated(attribute, first: first.range)
                    } else {
                        diagnostics.error(
                            .conflictingSpecialAttributes,
                            "a column cannot be both #[\(first.kind.rawValue)] and #[\(name.text)]",
                            at: attribute.range,
                            notes: [DiagnosticNote("marked #[\(first.kind.rawValue)] here", at: first.range)],
                            help: "give each special role its own column")
                    }
                } else {
                    result.special = (special, attribute.range)
                }
            case .immutable:
                rejectArguments(of: attribute)
                if let first = result.immutable {
                    reportRepeated(attribute, first: first)
                } else {
                    result.immutable = attribute.range
                }
            case .default:
                if let first = result.defaultAttribute {
                    diagnostics.error(
                        .duplicateDefault, "a column can have only one #[default]", at: attribute.range,
                        notes: [DiagnosticNote("first default here", at: first)],
                        help: "remove one of the defaults")
                } else {
                    result.defaultAttribute = attribute.range
                    result.defaultSetting = resolveDefault(attribute)
                }
            case .renamedFrom:
                if let first = renamedFromRange {
                    reportRepeated(attribute, first: first)
                } else {
                    renamedFromRange = attribute.range
                    result.renamedFrom = resolveRenamedFrom(attribute)
                }
            case nil:
                let suggestion = Suggestions.nearest(to: name.text, among: Self.attributeNames,
                                                     budget: &suggestionBudget)
                diagnostics.error(
                    .unknownAttribute, "unknown attribute '\(name.text)'", at: name.range,
                    notes: [DiagnosticNote("known attributes: "
                        + Self.attributeNames.map { "#[\($0)]" }.joined(separator: ", "))],
                    help: Self.didYouMean(suggestion),
                    fixIts: Self.replacement(name.range, with: suggestion))
            }
        }
        return result
    }

    /// `#[id(x)]`: the attribute is kept, the parentheses reported.
    private mutating func rejectArguments(of attribute: AttributeSyntax) {
        guard attribute.hasParentheses else { return }
        let name = attribute.name.text
        diagnostics.error(
            .unexpectedAttributeArgument, "attribute #[\(name)] takes no arguments", at: attribute.range,
            help: "write #[\(name)]",
            fixIts: [FixIt(replace: attribute.range, with: "#[\(name)]")])
    }

    private mutating func reportRepeated(_ attribute: AttributeSyntax, first: SourceRange) {
        diagnostics.warning(
            .repeatedAttribute, "attribute #[\(attribute.name.text)] is given twice", at: attribute.range,
            notes: [DiagnosticNote("first given here", at: first)],
            help: "remove the repeated attribute",
            fixIts: [FixIt(replace: attribute.range, with: "")])
    }

    /// `#[renamed_from(old_name)]`: the column's previous name.
    private mutating func resolveRenamedFrom(_ attribute: AttributeSyntax) -> String? {
        if let argument = attribute.defaultArgument, argument.value == nil,
           Self.isIdentifier(argument.kind.text) {
            return argument.kind.text
        }
        diagnostics.error(
            .invalidAttributeArgument, "#[renamed_from] needs the column's previous name",
            at: attribute.range, help: "write #[renamed_from(old_name)]")
        return nil
    }
}
