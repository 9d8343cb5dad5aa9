import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorSQL
import CarburetorTestSupport
import Testing

/// The trigger's rules on the phone book fixture: who stamps, when, and
/// what an UPDATE may not change.
@Suite struct StampingTests {
    static func withPhoneBook(_ body: (PostgresConnection) throws -> Void) throws {
        let schema = try Fixture.named("basic").schema()
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute(SQLGenerator().script(for: schema))
            try body(connection)
        }
    }

    static func insert(_ id: String, owner: String = "owner-1", on connection: PostgresConnection) throws {
        try connection.query("INSERT INTO phone_books (id, name, phone_number, owner_id) VALUES ($1, 'Ann', '555', $2)",
                             parameters: [id, owner])
    }

    static func stamp(_ id: String, on connection: PostgresConnection) throws -> String {
        try #require(try connection.query("SELECT updated_at::text FROM phone_books WHERE id = $1", parameters: [id]).scalar)
    }

    static func isLater(_ later: String, than earlier: String, on connection: PostgresConnection) throws -> Bool {
        try connection.query("SELECT $1::timestamptz > $2::timestamptz", parameters: [later, earlier]).scalar == "t"
    }

    @Test func insertStampsFromTheDatabaseClockNotTheClient() throws {
        try Self.withPhoneBook { connection in
            try connection.execute("BEGIN")
            try connection.query("""
                INSERT INTO phone_books (id, name, phone_number, owner_id, updated_at)
                VALUES ('a', 'Ann', '555', 'o', '2000-01-01T00:00:00Z')
                """)
            let check = try connection.query("""
                SELECT updated_at > transaction_timestamp(), updated_at <= clock_timestamp() FROM phone_books
                """)
            try connection.execute("COMMIT")
            #expect(check.rows == [["t", "t"]], "strictly after the transaction's start, never in the future")
        }
    }

    @Test func everyLaterWriteGetsAStrictlyLaterStamp() throws {
        try Self.withPhoneBook { connection in
            try Self.insert("a", on: connection)
            let first = try Self.stamp("a", on: connection)
            try connection.execute("UPDATE phone_books SET name = 'Anna' WHERE id = 'a'")
            let second = try Self.stamp("a", on: connection)
            #expect(try Self.isLater(second, than: first, on: connection))
            try Self.insert("b", on: connection)
            #expect(try Self.isLater(try Self.stamp("b", on: connection), than: second, on: connection))
            // Two updates in one transaction still move forward.
            try connection.execute("BEGIN; UPDATE phone_books SET name = 'x' WHERE id = 'a'")
            let inside = try Self.stamp("a", on: connection)
            try connection.execute("UPDATE phone_books SET name = 'y' WHERE id = 'a'; COMMIT")
            #expect(try Self.isLater(inside, than: second, on: connection))
            #expect(try Self.isLater(try Self.stamp("a", on: connection), than: inside, on: connection))
        }
    }

    /// The rule the no-lost-rows download relies on: a download cut off at
    /// the start of the oldest open transaction never misses a row that
    /// transaction commits later, because the row's stamp is strictly later.
    @Test func rowsCommittedAfterACutoffAreStampedAfterIt() throws {
        let schema = try Fixture.named("basic").schema()
        try withTemporaryDatabase { database in
            let setup = try database.connect()
            try setup.execute(SQLGenerator().script(for: schema))
            let writer = try database.connect()
            let downloader = try database.connect()
            try writer.execute("BEGIN")
            try writer.query("SELECT 1")
            try downloader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            let cutoff = try #require(try downloader.query("""
                SELECT least(now(), (SELECT min(xact_start) FROM pg_stat_activity
                                     WHERE pid <> pg_backend_pid() AND datname = current_database()))::text
                """).scalar)
            let seen = try downloader.query("SELECT count(*) FROM phone_books WHERE updated_at <= $1::timestamptz",
                                            parameters: [cutoff])
            try downloader.execute("COMMIT")
            #expect(seen.scalar == "0")
            let writerStart = try #require(try writer.query("SELECT transaction_timestamp()::text").scalar)
            #expect(try downloader.query("SELECT $1::timestamptz <= $2::timestamptz", parameters: [cutoff, writerStart])
                .scalar == "t", "the cutoff is not after the open transaction's start")
            try Self.insert("late", on: writer)
            try writer.execute("COMMIT")
            let next = try downloader.query("SELECT id FROM phone_books WHERE updated_at > $1::timestamptz",
                                            parameters: [cutoff])
            #expect(next.rows == [["late"]], "the next download picks the row up")
        }
    }

    @Test func upsertsFromPlainSQLAreStampedToo() throws {
        try Self.withPhoneBook { connection in
            try Self.insert("a", on: connection)
            let first = try Self.stamp("a", on: connection)
            try connection.execute("""
                INSERT INTO phone_books (id, name, phone_number, owner_id) VALUES ('a', 'B', '1', 'owner-1')
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name
                """)
            #expect(try Self.isLater(try Self.stamp("a", on: connection), than: first, on: connection))
        }
    }

    @Test func aStampNeverGoesBackwardsEvenIfTheClockDoes() throws {
        try Self.withPhoneBook { connection in
            try Self.insert("a", on: connection)
            // Simulate a clock that has since gone back: the stored stamp is in the future.
            try connection.execute("""
                ALTER TABLE phone_books DISABLE TRIGGER carburetor_stamp;
                UPDATE phone_books SET updated_at = '2999-01-01 00:00:00+00';
                ALTER TABLE phone_books ENABLE TRIGGER carburetor_stamp;
                UPDATE phone_books SET name = 'later';
                """)
            #expect(try Self.stamp("a", on: connection) == "2999-01-01 00:00:00.000001+00")
        }
    }

    @Test func theIdCannotChange() throws {
        try Self.withPhoneBook { connection in
            try Self.insert("a", on: connection)
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("UPDATE phone_books SET id = 'b' WHERE id = 'a'")
            }
            #expect(error?.sqlState == SQLStampTrigger.immutableColumnSQLState)
            #expect(error?.message == "column \"id\" of table \"phone_books\" cannot be changed by an UPDATE")
            #expect(error?.hint?.contains("#[immutable]") == true)
            #expect(error?.tableName == "phone_books")
            #expect(error?.columnName == "id")
            #expect(error?.schemaName == "public")
            #expect(try connection.query("SELECT id FROM phone_books").rows == [["a"]])
        }
    }

    @Test func immutableColumnsCannotChangeButMaybeRewritten() throws {
        try Self.withPhoneBook { connection in
            try Self.insert("a", owner: "owner-1", on: connection)
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("UPDATE phone_books SET owner_id = 'owner-2'")
            }
            #expect(error?.sqlState == "CB001")
            #expect(error?.message.contains("\"owner_id\"") == true)
            // Writing the same value (as an ORM writing every column does) is fine.
            let same = try connection.execute("UPDATE phone_books SET owner_id = 'owner-1', name = 'Bo'")
            #expect(same.affectedRows == 1)
            #expect(try connection.query("SELECT owner_id, name FROM phone_books").rows == [["owner-1", "Bo"]])
        }
    }

    @Test func hostileNamesRoundTrip() throws {
        let schema = try Fixture.named("hostile_names").schema()
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute(SQLGenerator().script(for: schema))
            try connection.execute("""
                INSERT INTO "user" ("select", "order", "group", "MixedCase") VALUES ('s', 1, 'g', 'Mixed')
                """)
            let row = try connection.query("SELECT \"MixedCase\", note, balance::text, delta, \"where\" FROM \"user\"")
            let user = try #require(schema.table(named: "user"))
            guard case .text(let note)? = user.column(named: "note")?.sqlDefault else {
                Issue.record("fixture lost its text default")
                return
            }
            #expect(row.rows == [["Mixed", note, "-42.125", "-7", "f"]])
            #expect(note.contains("it's \"quoted\", back\\slash \\n, tab\there, newline\nhere, Grüße 🚀"))
            let immutable = #expect(throws: PostgresError.self) {
                try connection.execute("UPDATE \"user\" SET \"group\" = 'h'")
            }
            #expect(immutable?.message == "column \"group\" of table \"user\" cannot be changed by an UPDATE")
            let mixed = #expect(throws: PostgresError.self) { try connection.execute("SELECT mixedcase FROM \"user\"") }
            #expect(mixed?.sqlState == "42703", "mixed case is kept, not folded")
        }
    }
}
