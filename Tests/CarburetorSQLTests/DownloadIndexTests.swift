import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorSQL
import CarburetorTestSupport
import Testing

/// A group download must be an index range scan, not a table scan plus sort:
/// `WHERE stamp > $1 AND stamp <= $2 [AND restrict_column = $3] ORDER BY stamp, id`.
@Suite struct DownloadIndexTests {
    static let rowCount = 20_000

    @Test func downloadsUseTheSyncIndexes() throws {
        let schema = try Fixture.named("basic").schema()
        let names = SQLObjectNames(schema: schema)
        let phoneBook = try #require(schema.table(named: "phone_book"))
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute(SQLGenerator().script(for: schema))
            try connection.execute("""
                INSERT INTO phone_books (id, name, phone_number, owner_id)
                SELECT 'entry-' || n, 'Name ' || n, '555-' || n, 'owner-' || (n % 100)
                FROM generate_series(1, \(Self.rowCount)) AS n;
                ANALYZE phone_books;
                """)
            let window = try connection.query("""
                SELECT (SELECT updated_at::text FROM phone_books ORDER BY updated_at, id OFFSET \(Self.rowCount - 200) LIMIT 1),
                       max(updated_at)::text, (min(updated_at) - interval '1 second')::text
                FROM phone_books
                """)
            let offset = try #require(window.rows.first?[0] ?? nil)
            let cutoff = try #require(window.rows.first?[1] ?? nil)
            let beginning = try #require(window.rows.first?[2] ?? nil)

            let unrestricted = "SELECT * FROM phone_books WHERE updated_at > $1 AND updated_at <= $2 ORDER BY updated_at, id"
            let restricted = "SELECT * FROM phone_books WHERE updated_at > $1 AND updated_at <= $2 AND owner_id = $3 "
                + "ORDER BY updated_at, id"
            let syncIndex = names.syncIndexName(for: phoneBook)
            let restrictionIndex = names.restrictionIndexName(for: phoneBook, column: "owner_id")

            // An incremental download with concrete values (a custom plan)…
            let incremental = try Self.plan(unrestricted, [offset, cutoff], on: connection)
            #expect(Self.scans(incremental, index: syncIndex), "\(incremental)")
            #expect(!incremental.contains("Seq Scan"), "\(incremental)")
            // …and a restricted initial sync over all of time.
            let initial = try Self.plan(restricted, [beginning, cutoff, "owner-7"], on: connection)
            #expect(Self.scans(initial, index: restrictionIndex), "\(initial)")
            #expect(!initial.contains("Seq Scan"), "\(initial)")

            // Prepared statements (as a Swift server's driver sends them) get
            // a generic plan that knows no values: still the indexes.
            try connection.execute("SET plan_cache_mode = force_generic_plan")
            let generic = try Self.plan(unrestricted, [offset, cutoff], on: connection)
            #expect(Self.scans(generic, index: syncIndex), "\(generic)")
            #expect(!generic.contains("Seq Scan"), "\(generic)")
            let genericRestricted = try Self.plan(restricted, [offset, cutoff, "owner-7"], on: connection)
            #expect(Self.scans(genericRestricted, index: restrictionIndex), "\(genericRestricted)")
            #expect(!genericRestricted.contains("Seq Scan"), "\(genericRestricted)")

            // The rows themselves: the plan returns exactly the window, in order.
            let rows = try connection.query(restricted, parameters: [beginning, cutoff, "owner-7"])
            #expect(rows.rowCount == Self.rowCount / 100)
        }
    }

    /// The plan reads a range of this index (plain, index-only or bitmap scan).
    static func scans(_ plan: String, index: String) -> Bool {
        ["Index Scan using \(index) ", "Index Only Scan using \(index) ", "Bitmap Index Scan on \(index) "]
            .contains { plan.contains($0) }
    }

    /// EXPLAIN of a prepared statement executed with these values.
    static func plan(_ sql: String, _ values: [String], on connection: PostgresConnection) throws -> String {
        let types = values.count == 3 ? "timestamptz, timestamptz, text" : "timestamptz, timestamptz"
        try connection.execute("DEALLOCATE ALL; PREPARE download (\(types)) AS \(sql)")
        let arguments = values.map(SQLLiteral.string).joined(separator: ", ")
        let plan = try connection.execute("EXPLAIN EXECUTE download (\(arguments))")
        return plan.rows.compactMap { $0.first ?? nil }.joined(separator: "\n")
    }
}
