@testable import CarburetorPostgres
import Foundation
import CarburetorTestSupport
import Testing

@Suite struct PostgresConnectionTests {
    @Test func connectsAndReportsTheServerVersion() throws {
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            #expect(connection.serverVersion >= 100_000)
            let result = try connection.query("SELECT current_database() AS name")
            #expect(result.columns == ["name"])
            #expect(result.value(0, "name") == database.database)
        }
    }

    @Test func parametersAreSentSeparatelyFromTheStatement() throws {
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute("CREATE TABLE people (name text NOT NULL, age integer)")
            let hostile = "Robert'); DROP TABLE people; --"
            let insert = try connection.query("INSERT INTO people (name, age) VALUES ($1, $2::integer)",
                                              parameters: [hostile, "42"])
            #expect(insert.affectedRows == 1)
            #expect(insert.commandStatus == "INSERT 0 1")
            let rows = try connection.query("SELECT name, age FROM people WHERE age > $1::integer", parameters: ["40"])
            #expect(rows.rows == [[hostile, "42"]])
            #expect(try connection.query("SELECT $1::int + $2::int AS sum", parameters: ["2", "3"]).scalar == "5")
        }
    }

    @Test func nullsRoundTripAsNil() throws {
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            let result = try connection.query("SELECT $1::text AS a, $2::text AS b, NULL::int AS c",
                                              parameters: [nil, ""])
            #expect(result.rows == [[nil, "", nil]])
            #expect(result.value(0, "a") == nil)
            #expect(result.value(0, "b") == "")
        }
    }

    @Test func unicodeRoundTripsThroughParametersAndLiterals() throws {
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            let text = "Grüße, 日本語, emoji 🚀, combining é, quote ' and backslash \\"
            #expect(try connection.query("SELECT $1::text", parameters: [text]).scalar == text)
            try connection.execute("CREATE TABLE \"Ünïcødé 表\" (\"naïve column\" text); INSERT INTO \"Ünïcødé 表\" VALUES ('ß→∑')")
            #expect(try connection.query("SELECT \"naïve column\" FROM \"Ünïcødé 表\"").scalar == "ß→∑")
            #expect(try connection.query("SELECT length($1::text)", parameters: ["🚀é"]).scalar == "2")
        }
    }

    @Test func executeRunsSeveralStatementsAndReturnsTheLast() throws {
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            let last = try connection.execute("""
                CREATE TABLE t (n integer);
                INSERT INTO t VALUES (1), (2), (3);
                UPDATE t SET n = n * 10 WHERE n > 1;
                """)
            #expect(last.affectedRows == 2)
            #expect(try connection.execute("SELECT sum(n) FROM t").scalar == "51")
            let ddl = try connection.execute("CREATE INDEX t_n ON t (n)")
            #expect(ddl.affectedRows == nil)
            #expect(try connection.execute("").rows.isEmpty)
        }
    }

    @Test func serverErrorsCarrySQLStateAndFields() throws {
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            let missing = #expect(throws: PostgresError.self) { try connection.query("SELECT * FROM no_such_table") }
            #expect(missing?.sqlState == "42P01")
            #expect(missing?.kind == .query)
            #expect(missing?.message.contains("no_such_table") == true)

            try connection.execute("CREATE TABLE u (id text PRIMARY KEY); INSERT INTO u VALUES ('a')")
            let duplicate = #expect(throws: PostgresError.self) { try connection.query("INSERT INTO u VALUES ('a')") }
            #expect(duplicate?.sqlState == "23505")
            #expect(duplicate?.detail?.contains("(id)=(a)") == true)
            #expect(duplicate?.constraintName == "u_pkey")
            #expect(duplicate?.tableName == "u")
            #expect(duplicate?.schemaName == "public")

            let raised = #expect(throws: PostgresError.self) {
                try connection.execute("""
                    DO $$ BEGIN RAISE EXCEPTION 'boom' USING ERRCODE = 'P0001', DETAIL = 'the detail', HINT = 'the hint'; END $$
                    """)
            }
            #expect(raised?.sqlState == "P0001")
            #expect(raised?.message == "boom")
            #expect(raised?.detail == "the detail")
            #expect(raised?.hint == "the hint")
            #expect(raised?.description.contains("HINT: the hint") == true)
            // The connection stays usable after an error.
            #expect(try connection.query("SELECT 1").scalar == "1")
        }
    }

    @Test func transactionsCommitOrRollBack() throws {
        struct Abort: Error {}
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute("CREATE TABLE t (n integer)")
            try connection.transaction { try $0.execute("INSERT INTO t VALUES (1)") }
            #expect(throws: Abort.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (2)")
                    throw Abort()
                }
            }
            #expect(try connection.query("SELECT count(*) FROM t").scalar == "1")
        }
    }

    @Test func wrongPasswordIsReportedWithoutThePassword() throws {
        let password = "correct-horse-battery"
        let wrong = "never-print-this-s3cret"
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            let role = "carb_pw_\(database.database.suffix(8))"
            try connection.execute("CREATE ROLE \"\(role)\" LOGIN PASSWORD '\(password)'")
            defer { _ = try? connection.execute("DROP ROLE IF EXISTS \"\(role)\"") }
            var attempt = database
            attempt.user = role
            attempt.password = wrong
            do {
                _ = try PostgresConnection(attempt.url)
                // Only a server configured with `trust` for every role lets this in.
                #expect(TestPostgres.usesExternalServer, "the throwaway server requires passwords over TCP")
            } catch let error as PostgresError {
                #expect(error.kind == .connection)
                #expect(error.message.contains("password authentication failed"))
                #expect(!"\(error)".contains(wrong))
                #expect(!String(reflecting: error).contains(wrong))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func failedConnectionsNeverPrintThePassword() {
        let secret = "pa ss'w%rd"
        let attempts = [
            "postgresql://someone:pa%20ss%27w%25rd@127.0.0.1:1/db?connect_timeout=2",
            "host=127.0.0.1 port=1 user=someone password='pa ss\\'w%rd' dbname=db connect_timeout=2",
            "postgresql://someone:pa%20ss%27w%25rd@[::1:bad/db",
            "host=127.0.0.1 password=pa ss'w%rd oops",
        ]
        for attempt in attempts {
            let error = #expect(throws: PostgresError.self) { _ = try PostgresConnection(attempt) }
            #expect(error?.kind == .connection)
            let printed = "\(String(describing: error)) \(String(reflecting: error))"
            #expect(!printed.contains(secret), "\(printed)")
            #expect(!printed.contains("pa%20ss%27w%25rd"), "\(printed)")
            #expect(!printed.contains("pa ss"), "\(printed)")
        }
    }

    @Test func scrubRemovesThePasswordAsDecodedAndAsWritten() {
        let url = "postgres://me:hunter%32@db.example/app"
        #expect(ConnectionString.scrub("echo hunter2 and hunter%32", password: "hunter2", conninfo: url)
            == "echo ******** and ********")
        #expect(ConnectionString.scrub("nothing secret", password: nil, conninfo: "host=x") == "nothing secret")
    }

    /// No part of the password, however cut, may appear: each case's
    /// fragments ("Zq7", "Xw9", "Qv5") are distinctive.
    static func leaks(_ text: String) -> Bool {
        ["Zq7", "Xw9", "Qv5", "Zq7".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!].contains { text.contains($0) }
    }

    @Test(arguments: hostilePasswords)
    func hostilePasswordsNeverReachAnError(password: String) {
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let quoted = password.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
        let attempts = [
            "postgres://app:\(password)@127.0.0.1:1/x?connect_timeout=2",
            "postgresql://app:\(password)@localhost:1/x",
            "postgresql://app:\(encoded)@127.0.0.1:1/x",
            "host=127.0.0.1 port=1 user=app password='\(quoted)' dbname=x",
            "host=127.0.0.1 port=1 user=app password=\(password) dbname=x",
            "postgresql://app:\(password)@[::1:bad/x",
            "postgresql://app:\(password)@127.0.0.1:notaport/x",
            "postgresql://app:\(password)@127.0.0.1:1/x?nosuchoption=1",
        ]
        for attempt in attempts {
            let error = #expect(throws: PostgresError.self) { _ = try PostgresConnection(attempt) }
            #expect(error?.kind == .connection)
            let printed = "\(String(describing: error)) \(String(reflecting: error))"
            #expect(!Self.leaks(printed), "\(attempt) → \(printed)")
        }
    }

    /// The same passwords, set on a real role, authenticate over TCP when
    /// pasted unencoded into a URL: the user info ends at the last '@'.
    @Test func hostilePasswordsAuthenticate() throws {
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            let role = "carb_hostile_\(database.database.suffix(8))"
            defer { _ = try? connection.execute("DROP ROLE IF EXISTS \"\(role)\"") }
            try connection.execute("CREATE ROLE \"\(role)\" LOGIN")
            for password in hostilePasswords {
                try connection.query("SELECT set_config('carb.pw', $1, false)", parameters: [password])
                try connection.execute("DO $$ BEGIN EXECUTE format('ALTER ROLE %I PASSWORD %L', '\(role)', current_setting('carb.pw')); END $$")
                var attempt = database
                attempt.user = role
                attempt.password = password
                let encoded = attempt.url
                let quoted = password.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
                var forms = [encoded, "host=\(database.host) port=\(database.port) user=\(role) dbname=\(database.database) password='\(quoted)'"]
                // Unencoded, as users paste them (a '%' would be read as an escape).
                if !password.contains("%") {
                    forms.append("postgresql://\(role):\(password)@\(database.host):\(database.port)/\(database.database)")
                }
                for form in forms {
                    do {
                        let session = try PostgresConnection(form)
                        #expect(try session.query("SELECT current_user").scalar == role)
                    } catch {
                        Issue.record("\(password.debugDescription) in \(form.hasPrefix("host=") ? "key=value" : "URL"): \(error)")
                    }
                }
                var wrong = attempt
                wrong.password = password + "-wrong"
                let refused = #expect(throws: PostgresError.self) { _ = try PostgresConnection(wrong.url) }
                #expect(refused?.message.contains("password authentication failed") == true || TestPostgres.usesExternalServer)
                #expect(!Self.leaks("\(String(describing: refused))"))
            }
        }
    }

    @Test func connectionOptionsParseURLsAndKeywordStrings() throws {
        let url = try ConnectionOptions(parsing: "postgresql://ann:p%40ss@localhost:6543/shop?sslmode=disable")
        let raw = try ConnectionOptions(parsing: "postgresql://ann:p@ss/w:rd@localhost:6543/shop?sslmode=disable")
        #expect(raw["password"] == "p@ss/w:rd")
        #expect(raw["host"] == "localhost")
        #expect(raw["dbname"] == "shop")
        let hosts = try ConnectionOptions(parsing: "postgres://[::1]:5433,db2/x?host=%2Ftmp&ssl=true")
        #expect(hosts["host"] == "/tmp")
        #expect(hosts["port"] == "5433,")
        #expect(hosts["sslmode"] == "require")
        #expect(url["user"] == "ann")
        #expect(url["password"] == "p@ss")
        #expect(url["port"] == "6543")
        #expect(url["dbname"] == "shop")
        let keywords = try ConnectionOptions(parsing: url.keywordValueString)
        #expect(keywords == url)
        let broken = #expect(throws: PostgresError.self) { _ = try ConnectionOptions(parsing: "password=zzsecretzz = oops") }
        #expect(broken?.description.contains("zzsecretzz") == false)
    }

    @Test func parallelTestsGetIsolatedDatabases() async throws {
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<4 {
                group.addTask {
                    try withTemporaryDatabase { database in
                        let connection = try database.connect()
                        try connection.execute("CREATE TABLE only_here (n integer); INSERT INTO only_here VALUES (\(index))")
                        #expect(try connection.query("SELECT count(*) FROM only_here").scalar == "1")
                        return database.database
                    }
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(names).count == 4)
    }
}

/// Passwords holding every character that splits a URL or a key=value
/// string, unencoded as users paste them. libpq splits a URL's user info
/// at the first `@` or `/`, so these used to reach host names and ports
/// in its errors ("could not translate host name "2secret@db.invalid"").
let hostilePasswords = [
    "Zq7@Xw9", "Zq7@@Xw9", "Zq7/Xw9", "Zq7:Xw9", "Zq7?Xw9", "Zq7#Xw9", "Zq7&Xw9", "Zq7=Xw9",
    "Zq7%Xw9", "Zq7%zzXw9", "Zq7 Xw9", "Zq7'Xw9", "Zq7\\Xw9", "Zq7,Xw9", "Zq7[Xw9]",
    "Zq7ü€Xw9", "Zq7\u{2028}Xw9", "Zq7@db.invalid/Xw9?host=Qv5", "Zq7:5432@Xw9",
]
