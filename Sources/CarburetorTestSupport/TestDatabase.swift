import CarburetorPostgres
import Foundation

/// A fresh, empty database of its own for one test.
///
/// Carries both a libpq connection URL and the parts PostgresNIO needs
/// (host, port, user, password, database name).
public struct TestDatabase: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    public init(host: String, port: Int, user: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// `postgresql://user[:password]@host:port/database`, every part
    /// percent-encoded; a unix-socket host goes into `?host=`.
    public var url: String {
        func encode(_ part: String) -> String {
            part.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? part
        }
        var userInfo = encode(user)
        if let password { userInfo += ":" + encode(password) }
        if host.hasPrefix("/") {
            return "postgresql://\(userInfo)@:\(port)/\(encode(database))?host=\(encode(host))"
        }
        return "postgresql://\(userInfo)@\(host):\(port)/\(encode(database))"
    }

    /// A new libpq connection to this database.
    public func connect() throws -> PostgresConnection {
        try PostgresConnection(url)
    }

    /// The same server, another database.
    public func with(database: String) -> TestDatabase {
        var copy = self
        copy.database = database
        return copy
    }
}

/// The server tests create their databases on: `CARBURETOR_TEST_DATABASE_URL`
/// when set (its role needs CREATEDB), else this process's throwaway server.
public enum TestPostgres {
    public static let environmentVariable = "CARBURETOR_TEST_DATABASE_URL"

    /// True when the tests run against a server named by the environment
    /// rather than their own throwaway one.
    public static var usesExternalServer: Bool {
        !(ProcessInfo.processInfo.environment[environmentVariable] ?? "").isEmpty
    }

    /// The maintenance database on the server, used to create and drop the
    /// per-test databases.
    public static func administrativeDatabase() throws -> TestDatabase {
        if usesExternalServer, let url = ProcessInfo.processInfo.environment[environmentVariable] {
            let options = try ConnectionOptions(parsing: url)
            return TestDatabase(
                host: options["host"] ?? options["hostaddr"] ?? "localhost",
                port: options["port"].flatMap { Int($0) } ?? 5432,
                user: options["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres",
                password: options["password"],
                database: options["dbname"] ?? "postgres")
        }
        let server = try ThrowawayServer.shared.get()
        return TestDatabase(host: "127.0.0.1", port: server.port, user: ThrowawayServer.superuser,
                            password: nil, database: "postgres")
    }

    /// Creates a database with a unique name and returns it.
    public static func createDatabase() throws -> TestDatabase {
        let admin = try administrativeDatabase()
        let name = "carburetor_test_" + UUID().uuidString.lowercased().replacing("-", with: "")
        let connection = try admin.connect()
        try connection.execute("CREATE DATABASE \"\(name)\" ENCODING 'UTF8' TEMPLATE template0")
        return admin.with(database: name)
    }

    /// Drops a database made by `createDatabase`, disconnecting its sessions.
    public static func dropDatabase(_ database: TestDatabase) {
        guard let admin = try? administrativeDatabase(), let connection = try? admin.connect() else { return }
        _ = try? connection.execute("DROP DATABASE IF EXISTS \"\(database.database)\" WITH (FORCE)")
    }
}

/// Runs `body` with a fresh database that is dropped afterwards.
public func withTemporaryDatabase<Result>(_ body: (TestDatabase) throws -> Result) throws -> Result {
    let database = try TestPostgres.createDatabase()
    defer { TestPostgres.dropDatabase(database) }
    return try body(database)
}

/// Runs async `body` with a fresh database that is dropped afterwards.
public func withTemporaryDatabase<Result>(
    isolation: isolated (any Actor)? = #isolation,
    _ body: (TestDatabase) async throws -> Result
) async throws -> Result {
    let database = try TestPostgres.createDatabase()
    defer { TestPostgres.dropDatabase(database) }
    return try await body(database)
}
