import CarburetorPostgres
import PostgresNIO

extension SyncDemoServer {
    /// A PostgresNIO configuration from a libpq URL or key=value string
    /// (`postgresql://user:password@host:port/database`), without TLS: the demo
    /// talks to a PostgreSQL on the same machine.
    public static func postgresConfiguration(databaseURL: String) throws -> PostgresClient.Configuration {
        let options: ConnectionOptions
        do {
            options = try ConnectionOptions(parsing: databaseURL)
        } catch {
            throw SyncDemoError("DATABASE_URL is not a PostgreSQL connection string: \(error)")
        }
        let host = options["hostaddr"] ?? options["host"] ?? "127.0.0.1"
        let port = options["port"].flatMap { Int($0) } ?? 5432
        let user = options["user"] ?? "postgres"
        let database = options["dbname"] ?? user
        if host.hasPrefix("/") {
            return PostgresClient.Configuration(
                unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: options["password"],
                database: database)
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: user, password: options["password"], database: database, tls: .disable)
    }
}
