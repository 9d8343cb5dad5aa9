import CarburetorSchema

/// The codes the migration planner reports. They follow Atlas's lint
/// families so reviewers recognise them: DS destructive, MF may fail on
/// existing data, BC breaks older clients, MG cannot be migrated
/// automatically. Codes are stable: never renumber one, never reuse one.
public enum MigrationLint {
    public struct Descriptor: Hashable, Sendable {
        public var code: DiagnosticCode
        /// The severity when the change is not allowed by an option.
        public var severity: Severity
        public var title: String
    }

    /// A table was dropped (all its rows are lost). Allowed by `--allow-destructive`.
    public static let dropTable = Descriptor(code: DiagnosticCode("DS102"), severity: .error, title: "table dropped")
    /// A column was dropped. Allowed by `--allow-destructive`.
    public static let dropColumn = Descriptor(code: DiagnosticCode("DS103"), severity: .error, title: "column dropped")
    /// A type change that can lose data (bigint → integer, double → real,
    /// text → anything). Allowed by `--allow-destructive`.
    public static let narrowType = Descriptor(code: DiagnosticCode("DS104"), severity: .error, title: "column type narrowed")
    /// A type change that keeps every row but not every value as written:
    /// `Json` → `Jsonb` drops duplicate keys, whitespace and key order.
    /// Allowed by `--allow-destructive`.
    public static let lossyType = Descriptor(code: DiagnosticCode("DS105"), severity: .error, title: "column type change loses information")
    /// `NOT NULL` set on an existing column: fails if a row holds NULL.
    public static let tightenNotNull = Descriptor(code: DiagnosticCode("MF102"), severity: .warning, title: "NOT NULL added to an existing column")
    /// A `NOT NULL` column without a default cannot be added to a table with rows.
    public static let addNotNullWithoutDefault = Descriptor(code: DiagnosticCode("MF103"), severity: .error, title: "NOT NULL column added without a default")
    /// A `NOT NULL` column whose default only the database knows (bare `#[default(sql)]`).
    public static let addNotNullDatabaseDefault = Descriptor(code: DiagnosticCode("MF104"), severity: .error, title: "NOT NULL column added with a default the config does not know")
    /// A type change PostgreSQL cannot do by itself; needs `--cast`.
    public static let typeChangeNeedsCast = Descriptor(code: DiagnosticCode("MF105"), severity: .error, title: "column type change needs an explicit cast")
    /// The table's PostgreSQL (and wire) name changed: older app versions download from the old name.
    public static let renameTable = Descriptor(code: DiagnosticCode("BC101"), severity: .warning, title: "table renamed")
    /// A column was renamed: older app versions send and expect the old name.
    public static let renameColumn = Descriptor(code: DiagnosticCode("BC102"), severity: .warning, title: "column renamed")
    /// The id column of a table changed; ids cannot be migrated.
    public static let idColumnChanged = Descriptor(code: DiagnosticCode("MG101"), severity: .error, title: "id column changed")
    /// `--cast` names a column that has no type change.
    public static let unusedCast = Descriptor(code: DiagnosticCode("MG102"), severity: .warning, title: "--cast for a column whose type does not change")

    public static let all: [Descriptor] = [
        dropTable, dropColumn, narrowType, lossyType, tightenNotNull, addNotNullWithoutDefault,
        addNotNullDatabaseDefault, typeChangeNeedsCast, renameTable, renameColumn, idColumnChanged, unusedCast,
    ]
}
