import ArgumentParser
import CarburetorDriver
import CarburetorMigrate
import CarburetorMigrateLive
import Foundation

/// `carburetor-compile migrate …`: migrations before deploy.
struct MigrateSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Generate, check and apply schema migrations.",
        subcommands: [New.self, Check.self, Hash.self, Apply.self, Status.self, Diff.self]
    )

    /// Where the database is: `--database-url`, else `DATABASE_URL`, so a
    /// password need not appear on a command line.
    struct DatabaseOptions: ParsableArguments {
        @Option(help: ArgumentHelp(
            "postgres:// or postgresql:// URL, or a libpq key=value string (default: $DATABASE_URL). "
                + "Passwords may also come from PGPASSWORD or ~/.pgpass.",
            valueName: "url"))
        var databaseURL: String?

        func resolved() throws -> String {
            if let databaseURL { return databaseURL }
            if let fromEnvironment = ProcessInfo.processInfo.environment["DATABASE_URL"], !fromEnvironment.isEmpty {
                return fromEnvironment
            }
            throw ValidationError("give --database-url URL or set DATABASE_URL.")
        }
    }

    static func finish(_ command: MigrateCommand) throws {
        try Terminal.finish(command.run(in: Terminal.environment))
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the next migration for the changes between the directory's schema and the config.")

        @Argument(help: "The config file; '-' reads standard input.") var config: String
        @Option(help: ArgumentHelp("The migration directory.", valueName: "dir")) var dir: String
        @Option(help: ArgumentHelp("Name of the migration (letters, digits, '_', '-').", valueName: "name"))
        var name: String
        @Option(help: ArgumentHelp("diesel (default for a new directory) or golang-migrate.", valueName: "layout"))
        var layout: MigrationLayout?
        @Flag(help: "Allow dropping tables and columns, narrowing types and Json → Jsonb.") var allowDestructive = false
        @Option(name: .customLong("cast"), help: ArgumentHelp(
            "USING expression for a type change: TABLE.COLUMN=EXPRESSION (repeatable).", valueName: "cast"))
        var casts: [String] = []
        @Option(name: .customLong("schema"), help: ArgumentHelp("PostgreSQL schema holding the tables.", valueName: "name"))
        var schemaName: String?
        @OptionGroup var diagnostics: DiagnosticOptions

        func run() throws {
            var castMap: [String: String] = [:]
            for cast in casts {
                guard let equals = cast.firstIndex(of: "="), cast[..<equals].contains(".") else {
                    throw ValidationError("--cast takes TABLE.COLUMN=EXPRESSION, got '\(cast)'.")
                }
                castMap[String(cast[..<equals])] = String(cast[cast.index(after: equals)...])
            }
            try MigrateSubcommand.finish(MigrateCommand(
                .new(config: config, directory: dir, name: name, layout: layout,
                     allowDestructive: allowDestructive, casts: castMap, schemaName: schemaName),
                policy: diagnostics.policy))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "CI gate: exit 2 when the config has changes no migration captures, 1 when the directory fails its integrity check.")

        @Argument(help: "The config file; '-' reads standard input.") var config: String
        @Option(help: ArgumentHelp("The migration directory.", valueName: "dir")) var dir: String
        @Option(name: .customLong("schema"), help: ArgumentHelp("PostgreSQL schema holding the tables.", valueName: "name"))
        var schemaName: String?
        @OptionGroup var diagnostics: DiagnosticOptions

        func run() throws {
            try MigrateSubcommand.finish(MigrateCommand(.check(config: config, directory: dir, schemaName: schemaName),
                                                   policy: diagnostics.policy))
        }
    }

    struct Hash: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-record carburetor.sum after a deliberate edit of a migration not applied anywhere yet.")

        @Option(help: ArgumentHelp("The migration directory.", valueName: "dir")) var dir: String

        func run() throws {
            try MigrateSubcommand.finish(MigrateCommand(.hash(directory: dir)))
        }
    }

    /// `--schema` for the live commands: where the history table lives.
    struct HistorySchemaOption: ParsableArguments {
        @Option(name: .customLong("schema"), help: ArgumentHelp(
            "The PostgreSQL schema the migrations manage; it holds the history table carburetor_migrations (default: public).",
            valueName: "name"))
        var schemaName: String?
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending migrations, each in its own transaction, under an advisory lock.")

        @Option(help: ArgumentHelp("The migration directory.", valueName: "dir")) var dir: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var schema: HistorySchemaOption
        @Option(help: ArgumentHelp(
            "How long one statement may wait for a lock before the migration is rolled back and tried again: "
                + "500ms, 5s, 2min, or 0 to wait forever.", valueName: "duration"))
        var lockTimeout: String = "5s"
        @Option(help: ArgumentHelp("How many times a migration that timed out on a lock is tried again, pausing 1 s, 2 s, 4 s and so on.",
                                   valueName: "n"))
        var lockRetries: Int = MigrateApply.defaultLockRetries
        @Flag(help: "Print the plan and its SQL in a read-only transaction; touch nothing.") var dryRun = false

        func validate() throws {
            guard LockWait.parse(lockTimeout) != nil else {
                throw ValidationError("--lock-timeout takes a duration such as 500ms, 5s or 2min (or 0 to wait forever).")
            }
            guard (0...100).contains(lockRetries) else { throw ValidationError("--lock-retries takes 0 to 100.") }
        }

        func run() throws {
            let command = MigrateCommand(.apply(directory: dir, databaseURL: try database.resolved(), dryRun: dryRun,
                                                schemaName: schema.schemaName, lockTimeout: LockWait.parse(lockTimeout)!,
                                                lockRetries: lockRetries),
                                         progress: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) })
            try MigrateSubcommand.finish(command)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List applied, pending and changed migrations.")

        @Option(help: ArgumentHelp("The migration directory.", valueName: "dir")) var dir: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var schema: HistorySchemaOption

        func run() throws {
            try MigrateSubcommand.finish(MigrateCommand(.status(directory: dir, databaseURL: try database.resolved(),
                                                           schemaName: schema.schemaName)))
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report drift between the live database and the config (exit 2 on drift).")

        @Argument(help: "The config file; '-' reads standard input.") var config: String
        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("text or json.", valueName: "format")) var format: MigrateDiff.Format = .text
        @Option(name: .customLong("schema"), help: ArgumentHelp("PostgreSQL schema holding the tables.", valueName: "name"))
        var schemaName: String?
        @OptionGroup var diagnostics: DiagnosticOptions

        func run() throws {
            try MigrateSubcommand.finish(MigrateCommand(
                .diff(config: config, databaseURL: try database.resolved(), format: format, schemaName: schemaName),
                policy: diagnostics.policy))
        }
    }
}

extension MigrationLayout: ExpressibleByArgument {}
extension MigrateDiff.Format: ExpressibleByArgument {}
