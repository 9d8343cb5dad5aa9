import CarburetorWire
import Foundation
import GRDB

/// Creates and evolves the local database with GRDB's `DatabaseMigrator`.
///
/// Migrations are named after what they do, so a newer app version whose
/// config adds tables or columns registers migrations the database has not
/// seen, and the migrator runs exactly those:
///
/// - `carburetor: store` — the clock and offsets tables (once);
/// - `carburetor: table <name>` — creates the table;
/// - `carburetor: table <name> column <column>` — adds a column a newer config
///   declares (existing rows take its default).
///
/// Existing rows, their clocks and their unsent edits are never rewritten.
/// Data columns are created without NOT NULL, so relaxing a column's
/// nullability needs no migration; the record types enforce required values.
public enum LocalSchema {
    /// A migrator for these tables; register your own migrations after the call.
    public static func migrator(for tables: [SyncedTable]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerMigrations(for: tables, in: &migrator)
        return migrator
    }

    /// Registers the store's migrations and one per table and column, in order.
    public static func registerMigrations(for tables: [SyncedTable], in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("carburetor: store") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS \(quoted(LocalSchemaNames.clockTable)) (
                    "id" INTEGER PRIMARY KEY CHECK ("id" = 1),
                    "latest" TEXT
                );
                CREATE TABLE IF NOT EXISTS \(quoted(LocalSchemaNames.offsetsTable)) (
                    "group_name" TEXT NOT NULL,
                    "table_name" TEXT NOT NULL,
                    "cutoff_at" TEXT,
                    "offset_id" TEXT,
                    PRIMARY KEY ("group_name", "table_name")
                ) WITHOUT ROWID;
                """)
        }
        var seen = Set<String>()
        for table in tables where seen.insert(table.name).inserted {
            migrator.registerMigration("carburetor: table \(table.name)") { db in
                try createTable(table, in: db)
            }
            for column in table.columns {
                migrator.registerMigration("carburetor: table \(table.name) column \(column.name)") { db in
                    let existing = Set(try db.columns(in: table.name).map(\.name))
                    guard !existing.contains(column.name) else { return }
                    var definition = "\(quoted(column.name)) \(column.type.sqliteType)"
                    if let value = column.defaultValue, !value.isNull {
                        definition += " DEFAULT \(try literal(value))"
                    }
                    try db.execute(sql: "ALTER TABLE \(quoted(table.name)) ADD COLUMN \(definition)")
                }
            }
        }
    }

    static func createTable(_ table: SyncedTable, in db: Database) throws {
        guard try !db.tableExists(table.name) else { return }
        var definitions = ["\(quoted(table.idColumn)) TEXT PRIMARY KEY NOT NULL"]
        for column in table.columns {
            var definition = "\(quoted(column.name)) \(column.type.sqliteType)"
            if let value = column.defaultValue, !value.isNull {
                definition += " DEFAULT \(try literal(value))"
            }
            definitions.append(definition)
        }
        definitions.append("\(quoted(table.syncStampColumn)) TEXT")
        definitions.append("\(quoted(LocalSchemaNames.clocksColumn)) TEXT NOT NULL DEFAULT '{}'")
        definitions.append("\(quoted(LocalSchemaNames.dirtyColumn)) TEXT NOT NULL DEFAULT '[]'")
        try db.execute(sql: "CREATE TABLE \(quoted(table.name)) (\n    \(definitions.joined(separator: ",\n    "))\n)")
        // Building an upload reads only the dirty rows.
        try db.execute(sql: """
            CREATE INDEX \(quoted(table.name + "$dirty")) ON \(quoted(table.name)) (\(quoted(table.idColumn)))
            WHERE \(quoted(LocalSchemaNames.dirtyColumn)) <> '[]'
            """)
    }

    /// `"name"` with embedded quotes doubled. Without Foundation's
    /// `replacingOccurrences`, which cost more than the SQL it quoted: the
    /// sync engine quotes names for every row it writes.
    static func quoted(_ identifier: String) -> String {
        guard identifier.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + identifier + "\"" }
        var result = "\""
        for character in identifier {
            result.append(character)
            if character == "\"" { result.append("\"") }
        }
        return result + "\""
    }

    static func literal(_ value: DatabaseValue) throws -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let integer): return String(integer)
        case .double(let double): return "(\(double))"
        case .string(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let data): return "X'" + data.map { String(format: "%02X", $0) }.joined() + "'"
        }
    }
}
