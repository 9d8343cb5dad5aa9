// Semantic error (E02xx), warning (W0xxx) and note (N0xxx) codes.
//
// Codes are stable: once released, a code keeps its meaning forever. Add new
// codes at the end of their range; never renumber or reuse one.

extension DiagnosticCode {
    // MARK: Tables
    /// A table argument other than `plural`.
    public static let unknownTableArgument = DiagnosticCode("E0201")
    /// The same argument written twice in one argument list (table or group entry).
    public static let duplicateArgument = DiagnosticCode("E0202")
    /// `plural = …` whose value is not a string.
    public static let pluralNotString = DiagnosticCode("E0203")
    /// `plural = "…"` that is not a valid identifier.
    public static let pluralNotIdentifier = DiagnosticCode("E0204")
    /// Two tables with the same name.
    public static let duplicateTable = DiagnosticCode("E0205")
    /// Two tables with the same plural (the PostgreSQL table name).
    public static let duplicatePlural = DiagnosticCode("E0206")
    /// Two different names that give the same generated Swift name.
    public static let swiftNameClash = DiagnosticCode("E0207")
    /// A table plural or column name longer than PostgreSQL's 63-byte limit.
    public static let nameTooLong = DiagnosticCode("E0208")

    // MARK: Columns and types
    /// Two columns with the same name in one table.
    public static let duplicateColumn = DiagnosticCode("E0209")
    /// A type name the language does not know.
    public static let unknownType = DiagnosticCode("E0210")
    /// `Nullable<Nullable<T>>`.
    public static let nestedNullable = DiagnosticCode("E0211")
    /// A type argument on anything but `Nullable` (`Text<X>`, `Vec<Text>`).
    public static let unexpectedTypeArgument = DiagnosticCode("E0212")
    /// `Nullable` written without `<T>`.
    public static let nullableWithoutArgument = DiagnosticCode("E0213")

    // MARK: Attributes
    /// An attribute name the language does not know.
    public static let unknownAttribute = DiagnosticCode("E0214")
    /// Parentheses on an attribute that takes no arguments (`#[id(x)]`).
    public static let unexpectedAttributeArgument = DiagnosticCode("E0215")
    /// One column given two special roles.
    public static let conflictingSpecialAttributes = DiagnosticCode("E0216")
    /// The same special attribute on two columns of one table.
    public static let duplicateSpecialAttribute = DiagnosticCode("E0217")
    /// A special column (id, sync stamp, soft delete, client-only) of the wrong type.
    public static let wrongSpecialColumnType = DiagnosticCode("E0218")
    /// `#[immutable]` on the sync stamp or the soft-delete column.
    public static let immutableSpecialColumn = DiagnosticCode("E0219")
    /// Two `#[default]` attributes on one column.
    public static let duplicateDefault = DiagnosticCode("E0220")
    /// `#[default]` on a special column.
    public static let defaultOnSpecialColumn = DiagnosticCode("E0221")
    /// A `#[default(sql = …)]` variant that does not fit the column type.
    public static let defaultTypeMismatch = DiagnosticCode("E0222")
    /// An attribute argument of the wrong form (`#[default]` without a value,
    /// `#[default(swift = Now)]`, `#[renamed_from]` without a name).
    public static let invalidAttributeArgument = DiagnosticCode("E0223")
    /// `#[default(sql = X)]` with an unknown variant `X`.
    public static let unknownSQLDefault = DiagnosticCode("E0224")

    // MARK: Sync groups
    /// Two groups with the same name.
    public static let duplicateGroup = DiagnosticCode("E0230")
    /// A table listed twice in one group.
    public static let duplicateGroupEntry = DiagnosticCode("E0231")
    /// A group entry naming no declared table.
    public static let unknownGroupTable = DiagnosticCode("E0232")
    /// A group entry argument other than `restrict_to` / `restrict_to_column`.
    public static let unknownEntryArgument = DiagnosticCode("E0233")
    /// `restrict_to` without `restrict_to_column`, or the other way round.
    public static let unpairedRestriction = DiagnosticCode("E0234")
    /// `restrict_to` whose value is not a `$variable`.
    public static let restrictToNotVariable = DiagnosticCode("E0235")
    /// `restrict_to_column` whose value is not a plain column name (a `$` or a string).
    public static let restrictColumnNotName = DiagnosticCode("E0236")
    /// `restrict_to_column` naming no column of the table.
    public static let unknownRestrictColumn = DiagnosticCode("E0237")
    /// `restrict_to_column` naming a column that can change.
    public static let mutableRestrictColumn = DiagnosticCode("E0238")
    /// `restrict_to_column` naming a client-only column.
    public static let clientOnlyRestrictColumn = DiagnosticCode("E0239")
    /// One `$variable` bound to columns of different types in one group.
    public static let conflictingVariableTypes = DiagnosticCode("E0240")

    // MARK: Warnings
    /// The default plural (`name + "s"`) looks wrong in English.
    public static let implausibleDefaultPlural = DiagnosticCode("W0001")
    /// A sync group with no entries.
    public static let emptyGroup = DiagnosticCode("W0002")
    /// `Serial` / `BigSerial`, accepted as `Integer` / `BigInt`.
    public static let serialType = DiagnosticCode("W0003")
    /// `#[default(rust = …)]`, accepted for compatibility and ignored.
    public static let rustDefaultIgnored = DiagnosticCode("W0004")
    /// The same attribute written twice on one column.
    public static let repeatedAttribute = DiagnosticCode("W0005")

    // MARK: Notes
    /// A column the compiler added (id, is_deleted, last_synced_at).
    public static let synthesizedColumn = DiagnosticCode("N0001")
}
