import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorSQL
import CarburetorTestSupport
import Testing

@Suite struct OptionsTests {
    @Test func ifNotExistsScriptsCanBeAppliedAgain() throws {
        let schema = try Fixture.named("basic").schema()
        let script = SQLGenerator(options: .init(ifNotExists: true)).script(for: schema)
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute(script)
            try connection.execute("INSERT INTO users (id, name) VALUES ('u', 'Una')")
            try connection.execute(script)
            #expect(try connection.query("SELECT count(*) FROM users").scalar == "1", "data survives a re-run")
            let triggers = try connection.query("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal").scalar
            #expect(triggers == "4", "two triggers per table after two runs")
        }
    }

    @Test(arguments: Fixture.allWithSamples)
    func everyIfNotExistsScriptIsIdempotent(_ fixture: Fixture) throws {
        let schema = try fixture.schema()
        var options = fixture.options
        options.ifNotExists = true
        let script = SQLGenerator(options: options).script(for: schema)
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute(script)
            let before = try Self.objectCounts(connection)
            try connection.execute(script)
            #expect(try Self.objectCounts(connection) == before)
            #expect(before.first?[0] == "\(2 * schema.tables.count)", "two triggers per table")
            #expect(before.first?[2] == "\(2 * schema.tables.count)", "two functions per table")
        }
    }

    /// Triggers, indexes, functions and tables outside the system schemas.
    static func objectCounts(_ connection: PostgresConnection) throws -> [[String?]] {
        try connection.query("""
            SELECT (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal),
                   (SELECT count(*) FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')),
                   (SELECT count(*) FROM pg_proc WHERE proname LIKE 'carburetor\\_%'),
                   (SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'))
            """).rows
    }

    @Test func plainScriptsRunInOneTransaction() throws {
        let schema = try Fixture.named("basic").schema()
        let script = SQLGenerator().script(for: schema)
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute("CREATE TABLE users (x integer)")
            let error = #expect(throws: PostgresError.self) { try connection.execute(script) }
            #expect(error?.sqlState == "42P07", "users already exists")
            // The script's own BEGIN is still open, and failed: end it like psql would.
            #expect(connection.transactionState == .failed)
            try connection.execute("ROLLBACK")
            // Nothing before the failing statement was kept.
            #expect(try connection.query("SELECT to_regclass('phone_books') IS NULL").scalar == "t")
            #expect(try connection.query("SELECT count(*) FROM pg_proc WHERE proname LIKE 'carburetor\\_%'").scalar == "0")
        }
    }

    @Test(arguments: ["app", "Sync App", "it's \"ours\" – ü"])
    func schemaOptionPutsEverythingIntoThatSchema(_ name: String) throws {
        let schema = try Fixture.named("basic").schema()
        let quoted = SQLIdentifier.quote(name)
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute(SQLGenerator(options: .init(schemaName: name)).script(for: schema))
            let objects = try connection.query("""
                SELECT to_regclass($1) IS NOT NULL, to_regclass('public.phone_books') IS NULL,
                       (SELECT n.nspname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE p.proname = 'carburetor_stamp_phone_books'),
                       (SELECT count(*) FROM pg_indexes WHERE schemaname = $2)
                """, parameters: [quoted + ".phone_books", name])
            #expect(objects.rows == [["t", "t", name, "6"]])
            // The trigger works with the schema off the search path.
            try connection.execute("""
                INSERT INTO \(quoted).users (id, name) VALUES ('u', 'Una');
                UPDATE \(quoted).users SET name = 'Uma';
                """)
            let stamp = try connection.query("SELECT last_synced_at IS NOT NULL FROM \(quoted).users").scalar
            #expect(stamp == "t")
        }
    }
}
