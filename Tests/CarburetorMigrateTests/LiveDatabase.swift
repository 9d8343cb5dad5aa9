import CarburetorPostgres
import Foundation

/// A PostgreSQL server for the live tests: `CARBURETOR_TEST_DATABASE_URL`
/// when set, else a throwaway server started once per test process (initdb
/// as the `postgres` user into a temporary directory, unix socket only,
/// `fsync=off`) and stopped when the process exits. Each test gets a fresh
/// database.
enum LiveDatabase {
    struct Server: Sendable {
        var administrativeURL: String
        /// Builds a URL for a database on this server.
        var urlForDatabase: @Sendable (String) -> String
    }

    nonisolated(unsafe) static var stopCommand: String?

    static let server: Result<Server, Error> = Result {
        if let url = ProcessInfo.processInfo.environment["CARBURETOR_TEST_DATABASE_URL"], !url.isEmpty {
            return Server(administrativeURL: url) { name in
                // Replace the database part of a URL or key=value string.
                if url.contains("://") {
                    let base = url.split(separator: "?", maxSplits: 1)[0]
                    let prefix = base[..<(base.lastIndex(of: "/") ?? base.endIndex)]
                    return "\(prefix)/\(name)"
                }
                return url + " dbname=\(name)"
            }
        }
        let binaries = try FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")
            .sorted().last.map { "/usr/lib/postgresql/\($0)/bin" }
        guard let binaries else { throw SetupError("no PostgreSQL server binaries in /usr/lib/postgresql") }
        let root = "/tmp/carburetor-migrate-pg-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let asPostgres = getuid() == 0 ? "runuser -u postgres -- " : ""
        if getuid() == 0 { try shell("chown postgres \(root)") }
        try shell("\(asPostgres)\(binaries)/initdb -D \(root)/data -U postgres -A trust --no-sync >/dev/null")
        try shell("\(asPostgres)\(binaries)/pg_ctl -D \(root)/data -l \(root)/log -w -o "
                  + "\"-c fsync=off -c full_page_writes=off -c listen_addresses='' -c unix_socket_directories=\(root) -c max_connections=40\" start >/dev/null")
        stopCommand = "\(asPostgres)\(binaries)/pg_ctl -D \(root)/data -m immediate stop >/dev/null 2>&1; rm -rf \(root)"
        atexit {
            if let command = LiveDatabase.stopCommand { _ = try? LiveDatabase.shell(command) }
        }
        return Server(administrativeURL: "host=\(root) user=postgres dbname=postgres") { name in
            "host=\(root) user=postgres dbname=\(name)"
        }
    }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards.
    static func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
        let server = try server.get()
        let name = "carburetor_migrate_\(UInt32.random(in: 0..<UInt32.max))"
        let admin = try PostgresConnection(server.administrativeURL)
        try admin.execute("CREATE DATABASE \(name)")
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return try body(server.urlForDatabase(name))
    }

    /// A new database and a scratch directory for tests that cannot use a
    /// closure (async ones); call the returned cleanup when done.
    static func openDatabase() throws -> (url: String, directory: String, cleanup: () -> Void) {
        let server = try server.get()
        let name = "carburetor_migrate_\(UInt32.random(in: 0..<UInt32.max))"
        let admin = try PostgresConnection(server.administrativeURL)
        try admin.execute("CREATE DATABASE \(name)")
        let directory = temporaryDirectory()
        return (server.urlForDatabase(name), directory, {
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            try? FileManager.default.removeItem(atPath: directory)
        })
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `/bin/sh -c command` with posix_spawn and waitpid (Foundation's
    /// Process can miss the exit of a child whose grandchild, the server,
    /// lives on).
    @discardableResult
    static func shell(_ command: String) throws -> Int32 {
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ)
        guard spawned == 0 else { throw SetupError("cannot run /bin/sh (\(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exitCode = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitCode == 0 else {
            throw SetupError("command failed (status \(status)): \(command)")
        }
        return exitCode
    }
}
