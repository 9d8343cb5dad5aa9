import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorSQL
import Foundation

/// The server's PostgreSQL schema: what `carburetor-compile todos.carb --emit sql --if-not-exists` prints.
///
/// It is compiled at run time from the same `todos.carb` the build plugin
/// generated the Swift code from (a resource of this target), through the
/// `CarburetorChecker` and `CarburetorSQL` libraries: the SQL can never drift
/// from the generated code, and the server needs no `carburetor-compile`
/// binary or build step beside it. `--if-not-exists` makes it safe to apply at
/// every start. A production server applies migrations instead
/// (`carburetor-compile migrate`, see Documentation/Migrations.md).
public enum SyncDemoSchema {
    /// The config text the server was built from.
    public static func configText() throws -> String {
        guard let url = Bundle.module.url(forResource: "todos", withExtension: "carb") else {
            throw SyncDemoError("todos.carb is missing from the SyncDemoServerKit resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The DDL of the config.
    public static func sql() throws -> String {
        let result = Frontend.compile(SourceFile(name: "todos.carb", text: try configText()))
        guard let schema = result.schema else {
            throw SyncDemoError("todos.carb does not compile: \(result.diagnostics.map(\.message).joined(separator: "; "))")
        }
        return SQLGenerator(options: .init(ifNotExists: true)).standardOutput(for: schema)
    }

    /// Applies the DDL to the database at `url` (libpq, one multi-statement script).
    public static func create(databaseURL url: String) throws {
        let connection = try PostgresConnection(url)
        _ = try connection.execute(try sql())
    }
}

/// A problem starting the server, said plainly.
public struct SyncDemoError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
