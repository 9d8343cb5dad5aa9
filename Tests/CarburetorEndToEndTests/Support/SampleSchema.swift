import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorSQL
import CarburetorTestSupport
import Foundation

/// The sample config beside the generated code, and its server schema as the
/// PostgreSQL backend emits it.
enum SampleSchema {
    static let configURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Generated/input.carb")

    static func schema() throws -> Schema {
        let text = try String(contentsOf: configURL, encoding: .utf8)
        let result = Frontend.compile(SourceFile(name: "input.carb", text: text))
        guard let schema = result.schema else {
            throw TestSupportError("the end-to-end sample does not compile: \(result.diagnostics.map(\.message))")
        }
        return schema
    }

    /// Applies the `--emit sql` script to a test database (libpq, one simple-query round trip).
    static func apply(to database: TestDatabase) throws {
        let sql = SQLGenerator().standardOutput(for: try schema())
        _ = try database.connect().execute(sql)
    }

    /// Runs statements outside the PostgresNIO pool (role management).
    static func execute(_ statements: [String], on database: TestDatabase) throws {
        let connection = try database.connect()
        for statement in statements { _ = try connection.execute(statement) }
    }
}
