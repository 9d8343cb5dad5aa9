import Foundation
import Logging
import NIOCore
import PostgresNIO

/// A throwaway PostgreSQL server for one test: `initdb` into a temporary
/// folder owned by the `postgres` user, listening on 127.0.0.1 at a free
/// port, stopped and deleted when the body returns.
enum TemporaryPostgres {
    struct Server: Sendable {
        var port: Int
        var directory: URL

        func configuration(user: String = "postgres", database: String = "postgres") -> PostgresClient.Configuration {
            var configuration = PostgresClient.Configuration(
                host: "127.0.0.1", port: port, username: user, password: nil, database: database, tls: .disable)
            configuration.options.maximumConnections = 32
            return configuration
        }
    }

    static func withServer<Result: Sendable>(_ body: (Server) async throws -> Result) async throws -> Result {
        let server = try start()
        do {
            let result = try await body(server)
            stop(server)
            return result
        } catch {
            stop(server)
            throw error
        }
    }

    /// Runs `body` with a connected client whose background `run()` is cancelled afterwards.
    static func withClient<Result: Sendable>(
        _ configuration: PostgresClient.Configuration,
        _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(configuration: configuration, backgroundLogger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    private static func binary(_ name: String) -> String {
        for folder in ["/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin"] {
            let path = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return name
    }

    private static func start() throws -> Server {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carburetor-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try run("/bin/chown", ["postgres", directory.path])
        let data = directory.appendingPathComponent("data").path
        try asPostgres(binary("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"])
        var lastError: (any Error)?
        for _ in 0..<20 {
            let port = Int.random(in: 20_000..<60_000)
            do {
                try asPostgres(binary("pg_ctl"), [
                    "-D", data, "-w", "-l", directory.appendingPathComponent("log").path, "-o",
                    "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100",
                    "start",
                ])
                return Server(port: port, directory: directory)
            } catch {
                lastError = error
            }
        }
        throw lastError ?? CocoaError(.fileReadUnknown)
    }

    private static func stop(_ server: Server) {
        _ = try? asPostgres(binary("pg_ctl"), ["-D", server.directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: server.directory)
    }

    private static func asPostgres(_ executable: String, _ arguments: [String]) throws {
        if getuid() == 0 {
            try run("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments)
        } else {
            try run(executable, arguments)
        }
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var command: String
        var output: String
        var description: String { "\(command) failed: \(output)" }
    }

    /// Runs a command to completion with posix_spawn and waitpid. Output goes
    /// to a file, not a pipe: the server `pg_ctl` starts inherits the
    /// descriptors and would hold a pipe open for its whole life.
    private static func run(_ executable: String, _ arguments: [String]) throws {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("carburetor-e2e-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&fileActions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &fileActions, nil, argv, environ)
        guard spawned == 0 else {
            throw CommandFailed(command: executable, output: "posix_spawn failed with \(spawned)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exitedCleanly = (status & 0x7F) == 0 && ((status >> 8) & 0xFF) == 0
        guard exitedCleanly else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw CommandFailed(command: ([executable] + arguments).joined(separator: " "), output: text)
        }
    }
}
