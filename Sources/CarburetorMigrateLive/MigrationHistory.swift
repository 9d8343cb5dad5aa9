import CarburetorMigrate
import CarburetorPostgres
import Foundation

/// The table that records applied migrations, and the advisory lock that
/// serialises deployers.
///
/// The table lives in a named schema, always qualified: one history per
/// managed schema (`--schema`, `public` by default), never whichever
/// `carburetor_migrations` the session's `search_path` happens to find
/// first, so two apps with different schemas in one database keep
/// separate histories.
struct MigrationHistory {
    static let table = "carburetor_migrations"
    static let defaultSchema = "public"
    /// Key of the session advisory lock every `apply` takes; any constant
    /// works as long as every deployer uses the same one.
    static let advisoryLockKey = "7261626572617465"

    /// The schema holding the table.
    var schema: String = Self.defaultSchema

    /// `"schema"."carburetor_migrations"`.
    var qualifiedName: String {
        MigrationDDL().quote(schema) + "." + MigrationDDL().quote(Self.table)
    }

    struct Row {
        var version: String
        var name: String
        var checksum: String
    }

    func create(on connection: PostgresConnection) throws {
        try connection.execute("CREATE SCHEMA IF NOT EXISTS \(MigrationDDL().quote(schema))")
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS \(qualifiedName) (
                version text PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                execution_ms bigint NOT NULL
            )
            """)
    }

    /// Applied migrations in version order; empty when the table does not exist.
    func applied(on connection: PostgresConnection) throws -> [Row] {
        let exists = try connection.query(
            "SELECT to_regclass(format('%I.%I', $1::text, $2::text)) IS NOT NULL",
            parameters: [schema, Self.table]).scalar
        guard exists == "t" else { return [] }
        let result = try connection.query("SELECT version, name, checksum FROM \(qualifiedName) ORDER BY version")
        return result.rows.map { Row(version: $0[0] ?? "", name: $0[1] ?? "", checksum: $0[2] ?? "") }
    }

    func record(_ migration: Migration, milliseconds: Int, on connection: PostgresConnection) throws {
        try connection.query(
            "INSERT INTO \(qualifiedName) (version, name, checksum, execution_ms) VALUES ($1, $2, $3, $4)",
            parameters: [migration.version, migration.name, migration.checksum, String(milliseconds)])
    }

    /// Takes the lock, waiting for another deployer if needed; `waiting` is
    /// called once before a wait so the user knows why nothing happens.
    static func lock(_ connection: PostgresConnection, waiting: () -> Void) throws {
        let acquired = try connection.execute("SELECT pg_try_advisory_lock(\(advisoryLockKey))").scalar
        guard acquired != "t" else { return }
        waiting()
        try connection.execute("SELECT pg_advisory_lock(\(advisoryLockKey))")
    }

    static func unlock(_ connection: PostgresConnection) {
        _ = try? connection.execute("SELECT pg_advisory_unlock(\(advisoryLockKey))")
    }
}

/// How applied migrations compare with the directory.
struct HistoryComparison {
    var applied: [Migration] = []
    var pending: [Migration] = []
    /// Applied, but up.sql changed since.
    var changed: [(Migration, MigrationHistory.Row)] = []
    /// Applied, but no longer in the directory.
    var missing: [MigrationHistory.Row] = []
    /// Pending, but older than an applied one (added on another branch).
    var outOfOrder: [Migration] = []

    init(directory: MigrationDirectory, history: [MigrationHistory.Row]) {
        let byVersion = Dictionary(history.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let known = Set(directory.migrations.map(\.version))
        let newestApplied = history.map(\.version).max()
        for migration in directory.migrations {
            if let row = byVersion[migration.version] {
                if row.checksum == migration.checksum { applied.append(migration) } else { changed.append((migration, row)) }
            } else {
                pending.append(migration)
                if let newestApplied, migration.version < newestApplied { outOfOrder.append(migration) }
            }
        }
        missing = history.filter { !known.contains($0.version) }
    }

    /// Reasons to refuse running anything.
    var refusals: [String] {
        pendingWithOwnTransactionControl + pendingThatWouldNotRunWhole + historyRefusals
    }

    /// A pending file with its own BEGIN/COMMIT would end `apply`'s
    /// transaction early (a schema from `--emit sql` pasted in, say).
    /// Statements are found the way the server splits them (any line
    /// ending, comments and quoted text skipped).
    private var pendingWithOwnTransactionControl: [String] {
        let words: Set<String> = ["BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT"]
        return pending.compactMap { migration in
            let controls = SQLText.statements(migration.upSQL).contains { statement in
                let leading = statement.split(whereSeparator: \.isWhitespace).prefix(2).map { $0.uppercased() }
                guard let first = leading.first else { return false }
                return words.contains(first) || (first == "START" && leading.dropFirst().first == "TRANSACTION")
            }
            guard controls else { return nil }
            return "\(migration.upPath) contains its own BEGIN/COMMIT; remove them: apply runs each migration in one transaction (mark statements that must run outside one with \(MigrationScript.noTransactionMarker))"
        }
    }

    /// A file whose statements would not all be sent must never be
    /// recorded as applied.
    private var pendingThatWouldNotRunWhole: [String] {
        pending.compactMap { migration in
            MigrationScript.coverageProblem(in: migration.upSQL).map { "\(migration.upPath) \($0)" }
        }
    }

    private var historyRefusals: [String] {
        changed.map { "\($0.0.identifier) was applied with checksum \($0.1.checksum.prefix(12))… but its up.sql now has \($0.0.checksum.prefix(12))…: an applied migration was edited" }
            + missing.map { "\($0.version)_\($0.name) is applied in the database but missing from the directory" }
            + outOfOrder.map { "\($0.identifier) is pending but older than the newest applied migration: it was added on another branch; rebase and run `migrate new` again" }
    }
}
