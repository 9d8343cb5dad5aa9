import CarburetorMigrate
import CarburetorPostgres

/// Checks before anything runs that each pending migration fits the
/// server's shared lock table, so `apply` never fails half-way with
/// "out of shared memory".
struct LockBudgetCheck {
    var maxLocksPerTransaction: Int
    var maxConnections: Int
    var maxPreparedTransactions: Int

    var capacity: Int { maxLocksPerTransaction * (maxConnections + maxPreparedTransactions) }

    static func read(from connection: PostgresConnection) throws -> LockBudgetCheck {
        func setting(_ name: String) throws -> Int {
            Int(try connection.query("SELECT current_setting($1)", parameters: [name]).scalar ?? "") ?? 0
        }
        return LockBudgetCheck(maxLocksPerTransaction: try setting("max_locks_per_transaction"),
                               maxConnections: try setting("max_connections"),
                               maxPreparedTransactions: try setting("max_prepared_transactions"))
    }

    /// A message per migration that would not fit; empty when all fit.
    func refusals(for migrations: [Migration]) -> [String] {
        migrations.compactMap { migration in
            let needed = LockBudget.estimate(sql: migration.upSQL)
            guard needed > capacity else { return nil }
            let slots = maxConnections + maxPreparedTransactions
            let setting = (needed + slots - 1) / slots
            return "\(migration.identifier) needs about \(needed) lock slots but the server has \(capacity) "
                + "(max_locks_per_transaction = \(maxLocksPerTransaction) × (max_connections + max_prepared_transactions = \(slots))); "
                + "raise max_locks_per_transaction to at least \(setting) and restart the server, or regenerate the migration so `migrate new` splits it"
        }
    }
}
