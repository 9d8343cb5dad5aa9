@testable import CarburetorMigrate
import Testing

/// Migration files read the same whatever their line endings (a checkout
/// on Windows has CRLF) and with or without a UTF-8 byte-order mark.
@Suite struct LineEndingTests {
    let lf = MigrationScript.render(header: ["Migration 20261125090001_notes", "Part 1 of 1"], statements: [
        MigrationStatement("ALTER TABLE \"phone_books\" ADD COLUMN \"note\" text"),
        MigrationStatement("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"phone_books_note_idx\"\n    ON \"phone_books\" (\"note\")",
                           runsOutsideTransaction: true),
        MigrationStatement("COMMENT ON COLUMN \"phone_books\".\"note\" IS 'a; b'"),
        MigrationStatement("CREATE TABLE \"t\" (\"id\" text PRIMARY KEY)"),
    ])

    /// The same file with other line endings and a byte-order mark.
    var variants: [(String, String)] {
        [("CRLF", lf.replacing("\n", with: "\r\n")),
         ("CR", lf.replacing("\n", with: "\r")),
         ("BOM", "\u{FEFF}" + lf),
         ("BOM+CRLF", "\u{FEFF}" + lf.replacing("\n", with: "\r\n")),
         ("mixed", lf.replacing(";\n", with: ";\r\n"))]
    }

    @Test func segmentsAreTheSameForEveryLineEnding() {
        let expected = MigrationScript.segments(of: lf)
        #expect(expected.map(\.inTransaction) == [true, false, true])
        #expect(expected.map(\.line) == [4, 7, 10])
        for (name, text) in variants {
            #expect(MigrationScript.segments(of: text) == expected, "\(name)")
            #expect(MigrationScript.hasNonTransactionalStatements(text), "\(name)")
            #expect(MigrationScript.coverageProblem(in: text) == nil, "\(name)")
        }
    }

    @Test func lockEstimateIsTheSameForEveryLineEnding() {
        let expected = LockBudget.estimate(sql: lf)
        #expect(expected == 6)  // ALTER 1, CREATE INDEX 1, COMMENT 0, CREATE TABLE 4
        for (name, text) in variants {
            #expect(LockBudget.estimate(sql: text) == expected, "\(name)")
        }
    }

    @Test func linesEndAtCRLFCROrLF() {
        #expect(SQLText.lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(SQLText.lines("\u{FEFF}a\r\n") == ["a", ""])
        #expect(SQLText.lines("") == [""])
        #expect(SQLText.lines("a\r\r\nb") == ["a", "", "b"])
    }

    @Test func statementsSplitAsTheServerSplitsThem() {
        let text = """
            -- header; not a statement\r
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;\r
            /* a /* nested; */ comment */ SELECT 'it''s; fine', E'\\'; still', "odd;name", $$a;b$$;
            SELECT $1;
            """
        #expect(SQLText.statements(text) == [
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$",
            "SELECT 'it''s; fine', E'\\'; still', \"odd;name\", $$a;b$$",
            "SELECT $1",
        ])
        #expect(SQLText.hasCode("-- only\r\n/* comments */\r\n;\r\n") == false)
        #expect(SQLText.hasCode("\u{FEFF}-- c\rSELECT 1"))
    }

    /// A file whose statements apply would not send whole is refused, so it
    /// can never be recorded as applied without having run.
    @Test func aScriptThatWouldNotRunWholeIsACoverageProblem() {
        let markerInsideABody = """
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
            -- carburetor:no-transaction
            BEGIN RETURN 1;
            END $$;
            """
        #expect(MigrationScript.coverageProblem(in: markerInsideABody) != nil)
        #expect(MigrationScript.coverageProblem(in: "-- nothing but a comment\r\n") == nil)
        #expect(MigrationScript.coverageProblem(in: "") == nil)
    }

    @Test func sumFileWithCRLFParses() throws {
        let text = SumFile.render([("1_a/up.sql", "SELECT 1;\n"), ("1_a/down.sql", "SELECT 2;\n")])
        let lf = try #require(SumFile.parse(text))
        let crlf = try #require(SumFile.parse(text.replacing("\n", with: "\r\n")))
        #expect(crlf.total == lf.total)
        #expect(crlf.entries.map(\.path) == lf.entries.map(\.path))
        #expect(crlf.entries.map(\.hash) == lf.entries.map(\.hash))
    }
}
