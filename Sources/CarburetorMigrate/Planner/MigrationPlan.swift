import CarburetorSchema

/// Options of the planner, set from `migrate new` flags.
public struct MigrationPlanOptions: Sendable {
    /// `--allow-destructive`: drop tables and columns, narrow types. The
    /// lints are still reported, as warnings.
    public var allowDestructive: Bool
    /// `--cast TABLE.COLUMN=EXPRESSION`: the `USING` expression for a type
    /// change PostgreSQL cannot do implicitly. Keys use the new plural and
    /// the new column name; the expression may refer to the column by name.
    public var casts: [String: String]
    /// The DDL pieces; the PostgreSQL backend's by default.
    public var ddl: MigrationDDL
    /// The old schema was migrated by a release without per-column clocks
    /// (snapshot format 1): the plan first moves every table to the current
    /// stamping layout. Set by `migrate new` / `check` from the snapshot.
    public var upgradesLegacyStamping = false

    public init(allowDestructive: Bool = false, casts: [String: String] = [:],
                ddl: MigrationDDL = MigrationDDL()) {
        self.allowDestructive = allowDestructive
        self.casts = casts
        self.ddl = ddl
    }
}

extension MigrationPlanOptions {
    /// Reads one `--cast TABLE.COLUMN=EXPRESSION` flag; `nil` when it has no
    /// `=` or no `TABLE.COLUMN` before it.
    public static func parseCast(_ flag: String) -> (key: String, expression: String)? {
        guard let equals = flag.firstIndex(of: "=") else { return nil }
        let key = String(flag[..<equals]).trimmingWhitespace()
        let expression = String(flag[flag.index(after: equals)...]).trimmingWhitespace()
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }), !expression.isEmpty else { return nil }
        return (key, expression)
    }
}

/// One self-contained change, usually everything that happens to one table.
/// A large plan is cut between changes when it would not fit one
/// transaction's lock budget.
public struct PlannedChange: Hashable, Sendable {
    /// A line for the summary, e.g. `alter table "users": add column "note"`.
    public var summary: String
    public var up: [MigrationStatement]
    /// Undoes `up`; statements in the order they run.
    public var down: [MigrationStatement]
    /// Estimated lock-table slots `up` holds until commit (relations touched).
    public var lockWeight: Int
}

/// The planner's answer: changes in order, and the lints found on the way.
public struct MigrationPlan: Sendable {
    public var changes: [PlannedChange]
    public var diagnostics: [Diagnostic]

    public var isEmpty: Bool { changes.isEmpty }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public var upStatements: [MigrationStatement] { changes.flatMap(\.up) }
    /// Undo in reverse order of the changes.
    public var downStatements: [MigrationStatement] { changes.reversed().flatMap(\.down) }
    public var lockWeight: Int { changes.reduce(0) { $0 + $1.lockWeight } }

    /// Cuts the changes into consecutive parts, each within `budget` lock
    /// slots (a single change larger than the budget gets a part of its own).
    public func split(lockBudget budget: Int) -> [[PlannedChange]] {
        var parts: [[PlannedChange]] = []
        var current: [PlannedChange] = []
        var weight = 0
        for change in changes {
            if !current.isEmpty, weight + change.lockWeight > budget {
                parts.append(current)
                current = []
                weight = 0
            }
            current.append(change)
            weight += change.lockWeight
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}

/// PostgreSQL's shared lock table: `max_locks_per_transaction ×
/// (max_connections + max_prepared_transactions)` slots, 64 × 100 = 6,400
/// by default. Creating a table holds about five (table, primary key
/// index, TOAST table and index, sync index) until commit, which is why one
/// transaction creating 5,000 tables fails with "out of shared memory".
public enum LockBudget {
    public static let defaultCapacity = 64 * 100
    /// What `migrate new` puts in one migration by default: half the default
    /// capacity, leaving room for the application's own sessions.
    public static let defaultPerMigration = defaultCapacity / 2

    static func createTable(indexes: Int) -> Int { 4 + indexes }
    static func alterTable(indexes: Int) -> Int { 2 + indexes }

    /// Estimates the slots a migration file holds, from its statements
    /// (an over-estimate: each ALTER counts even on the same table).
    /// Used by `apply` for files written by hand or by another tool.
    public static func estimate(sql: String) -> Int {
        var weight = 0
        for statement in SQLText.statements(sql) {
            let words = statement.split(whereSeparator: { $0.isWhitespace || $0 == "(" })
                .prefix(3).map { $0.uppercased() }
            guard let first = words.first else { continue }
            switch first {
            case "CREATE" where words.dropFirst().first == "TABLE": weight += 4
            case "DROP" where words.dropFirst().first == "TABLE": weight += 4
            case "CREATE" where words.dropFirst().first == "TRIGGER",
                 "CREATE" where words.dropFirst().first == "FUNCTION",
                 "CREATE" where words.dropFirst().first == "OR":
                break  // no relation of its own
            case "CREATE", "ALTER", "DROP": weight += 1
            default: break
            }
        }
        return weight
    }
}
