import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorSQL
import CarburetorTestSupport
import Testing

/// The per-column clocks the trigger keeps, the refused hard deletes, the
/// purge path and the pinned search_path, on the phone book fixture.
@Suite struct ClockTriggerTests {
    static let purge = SQLRowClocks.purgeClock

    static func clocks(_ id: String, on connection: PostgresConnection) throws -> [String: String] {
        let rows = try connection.query("""
            SELECT key, value FROM phone_books, jsonb_each_text("carburetor$clocks") WHERE id = $1
            """, parameters: [id]).rows
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0]!, $0[1]!) })
    }

    /// The server clock of the row's current stamp.
    static func serverClock(_ id: String, on connection: PostgresConnection) throws -> String {
        try #require(try connection.query("""
            SELECT lpad((extract(epoch FROM updated_at) * 1000000)::bigint::text, 16, '0') || '-00000-~server'
            FROM phone_books WHERE id = $1
            """, parameters: [id]).scalar)
    }

    static let clocked = ["name", "phone_number", "note", "owner_id", "kind", "is_deleted"]

    @Test func anInsertClocksEveryColumnWithTheServerClock() throws {
        try StampingTests.withPhoneBook { connection in
            try StampingTests.insert("a", on: connection)
            let clock = try Self.serverClock("a", on: connection)
            #expect(try Self.clocks("a", on: connection) == Dictionary(uniqueKeysWithValues: Self.clocked.map { ($0, clock) }))
            #expect(clock.count == 16 + 1 + 5 + 1 + 7)
        }
    }

    @Test func anInsertKeepsTheClocksItsWriterGave() throws {
        try StampingTests.withPhoneBook { connection in
            let device = "1733130000123456-00003-phone-a"
            try connection.query("""
                INSERT INTO phone_books (id, name, phone_number, owner_id, "carburetor$clocks")
                VALUES ('a', 'Ann', '555', 'o', jsonb_build_object('name', $1::text))
                """, parameters: [device])
            let clocks = try Self.clocks("a", on: connection)
            #expect(clocks["name"] == device)
            #expect(clocks["phone_number"] == (try Self.serverClock("a", on: connection)))
        }
    }

    @Test func aPlainUpdateAdvancesOnlyTheColumnsItChanges() throws {
        try StampingTests.withPhoneBook { connection in
            try StampingTests.insert("a", on: connection)
            let before = try Self.clocks("a", on: connection)
            try connection.execute("UPDATE phone_books SET name = 'Bo', phone_number = '555' WHERE id = 'a'")
            let after = try Self.clocks("a", on: connection)
            #expect(after["name"] == (try Self.serverClock("a", on: connection)))
            #expect(after["name"]! > before["name"]!)
            #expect(after["phone_number"] == before["phone_number"], "same value written: not a change")
            #expect(after["note"] == before["note"])
            // A soft delete is a change of the flag like any other column.
            try connection.execute("UPDATE phone_books SET is_deleted = true WHERE id = 'a'")
            #expect(try Self.clocks("a", on: connection)["is_deleted"] == (try Self.serverClock("a", on: connection)))
        }
    }

    @Test func aClockAheadOfTheServerIsAdvancedNotOverwrittenBackwards() throws {
        try StampingTests.withPhoneBook { connection in
            try StampingTests.insert("a", on: connection)
            let ahead = "2999000000000000-00007-phone-a"
            let full = "2999000000000000-99999-phone-a"
            try connection.query("""
                UPDATE phone_books SET "carburetor$clocks" = "carburetor$clocks"
                    || jsonb_build_object('name', $1::text, 'note', $2::text) WHERE id = 'a'
                """, parameters: [ahead, full])
            try connection.execute("UPDATE phone_books SET name = 'Bo', note = 'n' WHERE id = 'a'")
            let clocks = try Self.clocks("a", on: connection)
            #expect(clocks["name"] == "2999000000000000-00008-~server")
            #expect(clocks["note"] == "2999000000000001-00000-~server")
        }
    }

    @Test func anUpdateThatWritesTheClocksKeepsThem() throws {
        try StampingTests.withPhoneBook { connection in
            try StampingTests.insert("a", on: connection)
            let device = "1000000000000000-00000-phone-b"
            try connection.query("""
                UPDATE phone_books SET name = 'Bo', "carburetor$clocks" = "carburetor$clocks" || jsonb_build_object('name', $1::text)
                WHERE id = 'a'
                """, parameters: [device])
            #expect(try Self.clocks("a", on: connection)["name"] == device, "kept as written, even if older")
        }
    }

    @Test func rowsFromBeforeTheClocksColumnGetEntriesOnTheirNextWrite() throws {
        try StampingTests.withPhoneBook { connection in
            try StampingTests.insert("a", on: connection)
            try connection.execute("""
                ALTER TABLE phone_books DISABLE TRIGGER carburetor_stamp;
                UPDATE phone_books SET "carburetor$clocks" = '{}';
                ALTER TABLE phone_books ENABLE TRIGGER carburetor_stamp;
                UPDATE phone_books SET note = 'n';
                """)
            #expect(try Self.clocks("a", on: connection) == ["note": try Self.serverClock("a", on: connection)])
        }
    }

    @Test func hardDeletesAndTruncateAreRefused() throws {
        try StampingTests.withPhoneBook { connection in
            try StampingTests.insert("a", on: connection)
            let delete = #expect(throws: PostgresError.self) {
                try connection.execute("DELETE FROM phone_books WHERE id = 'a'")
            }
            #expect(delete?.sqlState == SQLStampTrigger.deleteSQLState)
            #expect(delete?.message == "rows of table \"phone_books\" cannot be deleted")
            #expect(delete?.hint?.contains("is_deleted") == true)
            #expect(delete?.hint?.contains("carburetor_purge_phone_books") == true)
            let truncate = #expect(throws: PostgresError.self) { try connection.execute("TRUNCATE phone_books") }
            #expect(truncate?.sqlState == SQLStampTrigger.truncateSQLState)
            #expect(try connection.query("SELECT count(*) FROM phone_books").scalar == "1")
        }
    }

    @Test func purgeErasesTheDataAndLeavesATombstoneNoUploadCanRevive() throws {
        try StampingTests.withPhoneBook { connection in
            try StampingTests.insert("a", owner: "owner-1", on: connection)
            try connection.execute("UPDATE phone_books SET note = 'secret', kind = 'work' WHERE id = 'a'")
            let before = try #require(try connection.query("SELECT updated_at::text FROM phone_books").scalar)
            #expect(try connection.query("SELECT carburetor_purge_phone_books('a')").scalar == "t")
            #expect(try connection.query("SELECT carburetor_purge_phone_books('missing')").scalar == "f")
            let row = try connection.query("""
                SELECT id, name, phone_number, note, owner_id, kind, is_deleted, updated_at > $1::timestamptz FROM phone_books
                """, parameters: [before])
            #expect(row.rows == [["a", "", "", nil, "owner-1", "mobile", "t", "t"]],
                    "erased, flagged, kept id and owner, stamped later so devices download it")
            #expect(try Self.clocks("a", on: connection) == Dictionary(uniqueKeysWithValues: Self.clocked.map { ($0, Self.purge) }))
            #expect(Self.purge > "9999999999999999-99999-zzzzzzzz", "later than any device clock")
            // A later plain write cannot move a purge clock.
            try connection.execute("UPDATE phone_books SET name = 'x'")
            #expect(try Self.clocks("a", on: connection)["name"] == Self.purge)
        }
    }

    @Test func theCallersSearchPathCannotReplaceWhatTheTriggerCalls() throws {
        try StampingTests.withPhoneBook { connection in
            try StampingTests.insert("a", on: connection)
            // An operator and a function the caller's path would find first.
            try connection.execute("""
                CREATE SCHEMA evil;
                CREATE FUNCTION evil.never_distinct(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
                CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.never_distinct);
                CREATE FUNCTION evil.clock_timestamp() RETURNS timestamptz LANGUAGE sql AS $$SELECT '2000-01-01'::timestamptz$$;
                CREATE FUNCTION evil.transaction_timestamp() RETURNS timestamptz LANGUAGE sql AS $$SELECT '2000-01-01'::timestamptz$$;
                SET search_path = evil, pg_catalog, public;
                """)
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("UPDATE phone_books SET owner_id = 'owner-2'")
            }
            #expect(error?.sqlState == SQLStampTrigger.immutableColumnSQLState)
            try StampingTests.insert("b", on: connection)
            #expect(try connection.query("SELECT updated_at > pg_catalog.now() - interval '1 hour' FROM phone_books WHERE id = 'b'")
                .scalar == "t", "not backdated")
        }
    }
}
