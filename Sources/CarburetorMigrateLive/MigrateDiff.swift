import CarburetorSchema
import CarburetorMigrate
import CarburetorPostgres
import Foundation

/// One difference between the config and the live database.
public struct Drift: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case missingTable, extraTable, missingColumn, extraColumn, typeDiffers, nullabilityDiffers,
             defaultDiffers, missingIndex, extraIndex, indexDiffers, missingTrigger, extraTrigger, triggerDiffers,
             invalidIndex, triggerDisabled, triggerFunctionDiffers
    }

    public var kind: Kind
    public var table: String
    /// The column, index or trigger concerned.
    public var object: String?
    /// What the config implies, and what the database has.
    public var expected: String?
    public var actual: String?

    public var description: String {
        let subject = "table \"\(table)\"" + (object.map { ", \($0)" } ?? "")
        var text = "\(subject): \(kindDescription)"
        if expected != nil || actual != nil {
            text += " (config: \(expected ?? "none"); database: \(actual ?? "none"))"
        }
        return text
    }

    private var kindDescription: String {
        switch kind {
        case .missingTable: "missing in the database"
        case .extraTable: "not in the config"
        case .missingColumn: "column missing in the database"
        case .extraColumn: "column not in the config"
        case .typeDiffers: "type differs"
        case .nullabilityDiffers: "nullability differs"
        case .defaultDiffers: "default differs"
        case .missingIndex: "sync index missing in the database"
        case .extraIndex: "index not in the config"
        case .indexDiffers: "index columns differ"
        case .missingTrigger: "stamping trigger missing in the database"
        case .extraTrigger: "trigger not in the config"
        case .triggerDiffers: "trigger differs (function or arguments)"
        case .invalidIndex: "index is invalid (a failed CREATE INDEX CONCURRENTLY?); queries do not use it"
        case .triggerDisabled: "trigger is disabled: writes are not stamped or checked"
        case .triggerFunctionDiffers: "trigger function was replaced or edited"
        }
    }
}

/// `migrate diff CONFIG --database-url URL [--format json]`: exit 2 when
/// the live database has drifted from the config.
///
/// The config's expected shape is made by PostgreSQL itself: its DDL runs
/// in a scratch schema inside a transaction that is always rolled back, and
/// both schemas are read from `pg_catalog` the same way, so types and
/// defaults compare in PostgreSQL's own normal form.
public struct MigrateDiff {
    public enum Format: String, Sendable { case text, json }

    public var databaseURL: String
    public var format: Format
    /// The PostgreSQL schema holding the tables; the search path's first by default.
    public var schemaName: String?

    public init(databaseURL: String, format: Format = .text, schemaName: String? = nil) {
        self.databaseURL = databaseURL
        self.format = format
        self.schemaName = schemaName
    }

    public func run(schema: Schema) -> MigrateCommandResult {
        do {
            let connection = try PostgresConnection(databaseURL)
            let drift = try Self.drift(of: schema, on: connection, schemaName: schemaName)
            return MigrateCommandResult(exitStatus: drift.isEmpty ? .success : .changesFound,
                                        output: render(drift))
        } catch {
            return MigrateCommandResult(exitStatus: .failure, errors: ["\(error)"])
        }
    }

    /// The differences, config first: missing things, then extra ones.
    public static func drift(of schema: Schema, on connection: PostgresConnection,
                             schemaName: String? = nil) throws -> [Drift] {
        let expected = try expectedShape(of: schema, on: connection)
        let actual = try IntrospectedSchema.read(from: connection, schema: schemaName,
                                                 excluding: [MigrationHistory.table])
        return compare(expected: expected, actual: actual)
    }

    /// The config's DDL run in a scratch schema and read back, then rolled back.
    public static func expectedShape(of schema: Schema, on connection: PostgresConnection) throws -> IntrospectedSchema {
        // Unqualified DDL, so it lands in the scratch schema on the search path.
        let ddl = MigrationDDL()
        let scratch = "carburetor_diff_\(UInt32.random(in: 0..<UInt32.max))"
        let statements = MigrationPlanner.plan(from: nil, to: schema, options: .init(ddl: ddl)).upStatements
        try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        try connection.execute("CREATE SCHEMA \(ddl.quote(scratch))")
        try connection.execute("SET LOCAL search_path TO \(ddl.quote(scratch))")
        for statement in statements {
            try connection.execute(statement.sql.replacing("CONCURRENTLY ", with: ""))
        }
        return try IntrospectedSchema.read(from: connection, schema: scratch)
    }

    public static func compare(expected: IntrospectedSchema, actual: IntrospectedSchema) -> [Drift] {
        var drift: [Drift] = []
        for want in expected.tables {
            guard let have = actual.table(named: want.name) else {
                drift.append(Drift(kind: .missingTable, table: want.name))
                continue
            }
            for column in want.columns {
                guard let found = have.column(named: column.name) else {
                    drift.append(Drift(kind: .missingColumn, table: want.name, object: "column \"\(column.name)\"",
                                       expected: column.type))
                    continue
                }
                let object = "column \"\(column.name)\""
                if found.type != column.type {
                    drift.append(Drift(kind: .typeDiffers, table: want.name, object: object,
                                       expected: column.type, actual: found.type))
                }
                if found.notNull != column.notNull {
                    drift.append(Drift(kind: .nullabilityDiffers, table: want.name, object: object,
                                       expected: column.notNull ? "NOT NULL" : "NULL",
                                       actual: found.notNull ? "NOT NULL" : "NULL"))
                }
                if found.defaultExpression != column.defaultExpression {
                    drift.append(Drift(kind: .defaultDiffers, table: want.name, object: object,
                                       expected: column.defaultExpression, actual: found.defaultExpression))
                }
            }
            for column in have.columns where want.column(named: column.name) == nil {
                drift.append(Drift(kind: .extraColumn, table: want.name, object: "column \"\(column.name)\"",
                                   actual: column.type))
            }
            for index in want.indexes {
                let object = "index \"\(index.name)\""
                guard let found = have.indexes.first(where: { $0.name == index.name }) else {
                    drift.append(Drift(kind: .missingIndex, table: want.name, object: object,
                                       expected: index.columns.joined(separator: ", ")))
                    continue
                }
                if found.columns != index.columns || found.isUnique != index.isUnique {
                    drift.append(Drift(kind: .indexDiffers, table: want.name, object: object,
                                       expected: index.columns.joined(separator: ", "),
                                       actual: found.columns.joined(separator: ", ")))
                }
                if !found.isValid {
                    drift.append(Drift(kind: .invalidIndex, table: want.name, object: object,
                                       expected: "valid", actual: "invalid"))
                }
            }
            for index in have.indexes where !want.indexes.contains(where: { $0.name == index.name }) {
                drift.append(Drift(kind: .extraIndex, table: want.name, object: "index \"\(index.name)\"",
                                   actual: index.columns.joined(separator: ", ")))
            }
            for trigger in want.triggers {
                let object = "trigger \"\(trigger.name)\""
                guard let found = have.triggers.first(where: { $0.name == trigger.name }) else {
                    drift.append(Drift(kind: .missingTrigger, table: want.name, object: object))
                    continue
                }
                if found.function != trigger.function || found.arguments != trigger.arguments {
                    drift.append(Drift(kind: .triggerDiffers, table: want.name, object: object,
                                       expected: "\(trigger.function)(\(trigger.arguments.joined(separator: ", ")))",
                                       actual: "\(found.function)(\(found.arguments.joined(separator: ", ")))"))
                } else if found.functionDefinition != trigger.functionDefinition {
                    drift.append(Drift(kind: .triggerFunctionDiffers, table: want.name, object: object,
                                       expected: "\(trigger.function) as generated",
                                       actual: "\(found.function) with another body or settings"))
                }
                if !found.isEnabled {
                    drift.append(Drift(kind: .triggerDisabled, table: want.name, object: object,
                                       expected: "enabled", actual: "disabled"))
                }
            }
            for trigger in have.triggers where !want.triggers.contains(where: { $0.name == trigger.name }) {
                drift.append(Drift(kind: .extraTrigger, table: want.name, object: "trigger \"\(trigger.name)\""))
            }
        }
        for table in actual.tables where expected.table(named: table.name) == nil {
            drift.append(Drift(kind: .extraTable, table: table.name))
        }
        return drift
    }

    func render(_ drift: [Drift]) -> String {
        switch format {
        case .json:
            struct Report: Encodable { var drift: [Drift]; var matches: Bool }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(Report(drift: drift, matches: drift.isEmpty))) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .text:
            if drift.isEmpty { return "No drift: the database matches the config.\n" }
            return drift.map { "drift: \($0)\n" }.joined()
                + "\(drift.count) difference\(drift.count == 1 ? "" : "s") between the config and the database.\n"
        }
    }
}
