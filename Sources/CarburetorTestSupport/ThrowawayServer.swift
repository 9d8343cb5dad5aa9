import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PostgreSQL server private to this test process: created in a temporary
/// directory on first use, stopped and deleted when the process exits.
///
/// Two guards keep a server from outliving the tests: an `atexit` handler
/// for normal exits, and a watchdog shell that waits for this process to
/// disappear (crash, kill -9) and then stops the server itself.
struct ThrowawayServer: Sendable {
    /// The superuser initdb creates; trusted on the socket and on 127.0.0.1.
    static let superuser = "postgres"

    let baseDirectory: String
    let dataDirectory: String
    let socketDirectory: String
    let binDirectory: URL
    let port: Int
    let runsAsRoot: Bool
    let watchdog: pid_t?

    /// The one server of this process, started on first access. A Swift
    /// global's lazy initialization runs exactly once even under parallel
    /// tests, so no lock is needed.
    static let shared: Result<ThrowawayServer, TestSupportError> = {
        do {
            let server = try start()
            atexit { ThrowawayServer.stopSharedAtExit() }
            return .success(server)
        } catch let error as TestSupportError {
            return .failure(error)
        } catch {
            return .failure(TestSupportError("could not start PostgreSQL for the tests: \(error)"))
        }
    }()

    private static func stopSharedAtExit() {
        if case .success(let server) = shared { server.stop() }
    }

    /// The command that stops the server (fast mode) and deletes its files.
    static func stopScript(binDirectory: URL, data: String, base: String, runsAsRoot: Bool) -> String {
        let pgCtl = ShellCommand.quote(binDirectory.appendingPathComponent("pg_ctl").path)
        let asUser = runsAsRoot ? "/usr/sbin/runuser -u postgres -- " : ""
        return "\(asUser)\(pgCtl) -D \(ShellCommand.quote(data)) -m fast -w -t 30 stop >/dev/null 2>&1; "
            + "rm -rf \(ShellCommand.quote(base))"
    }

    func stop() {
        if let watchdog { kill(watchdog, SIGTERM) }
        ShellCommand.run(Self.stopScript(binDirectory: binDirectory, data: dataDirectory,
                                         base: baseDirectory, runsAsRoot: runsAsRoot))
    }

    static func start() throws -> ThrowawayServer {
        let binDirectory = try PostgresBinaries.locate()
        let runsAsRoot = geteuid() == 0
        var template = Array("/tmp/carburetor-pg-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw TestSupportError("could not create a temporary directory for PostgreSQL")
        }
        let base = String(cString: created)
        let data = base + "/data"
        let socket = base + "/sock"
        do {
            try prepareDirectories(base: base, data: data, socket: socket, runsAsRoot: runsAsRoot)
            let initdb = try ProcessRunner.runAsServerUser(
                binDirectory.appendingPathComponent("initdb").path,
                ["-D", data, "-U", superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                asRoot: runsAsRoot, outputFile: URL(fileURLWithPath: base + "/initdb.out"))
            guard initdb.status == 0 else {
                throw TestSupportError("initdb failed (exit \(initdb.status)):\n\(initdb.output)")
            }
            try writeHostBasedAuthentication(data: data)
            let port = try startServer(binDirectory: binDirectory, base: base, data: data,
                                       socket: socket, runsAsRoot: runsAsRoot)
            let stop = stopScript(binDirectory: binDirectory, data: data, base: base, runsAsRoot: runsAsRoot)
            return ThrowawayServer(baseDirectory: base, dataDirectory: data, socketDirectory: socket,
                                   binDirectory: binDirectory, port: port, runsAsRoot: runsAsRoot,
                                   watchdog: startWatchdog(stopScript: stop))
        } catch {
            ShellCommand.run("rm -rf \(ShellCommand.quote(base))")
            throw error
        }
    }

    /// initdb refuses to run as root, and as `postgres` it needs directories
    /// that user owns.
    static func prepareDirectories(base: String, data: String, socket: String, runsAsRoot: Bool) throws {
        var owner: (uid_t, gid_t)?
        if runsAsRoot {
            guard let entry = getpwnam("postgres") else {
                throw TestSupportError("running as root but there is no `postgres` system user to run initdb as; "
                                       + PostgresBinaries.installHint)
            }
            owner = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        }
        for directory in [data, socket] where mkdir(directory, 0o700) != 0 {
            throw TestSupportError("could not create \(directory)")
        }
        if let (uid, gid) = owner {
            for directory in [base, data, socket] where chown(directory, uid, gid) != 0 {
                throw TestSupportError("could not hand \(directory) to the postgres user")
            }
        }
    }

    /// The superuser connects without a password; every other role must
    /// authenticate over TCP, so tests can exercise real password failures.
    /// Replication over the socket is trusted, for `ThrowawayStandby`.
    private static func writeHostBasedAuthentication(data: String) throws {
        let rules = """
            local all all trust
            local replication all trust
            host all \(superuser) 127.0.0.1/32 trust
            host all all 127.0.0.1/32 scram-sha-256

            """
        // Overwriting in place keeps the file's owner (the server user).
        guard let handle = FileHandle(forWritingAtPath: data + "/pg_hba.conf") else {
            throw TestSupportError("could not write pg_hba.conf")
        }
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(rules.utf8))
    }

    /// Starts on a free port, retrying a few times in case another process
    /// grabbed the port between our probe and the server's bind.
    static func startServer(binDirectory: URL, base: String, data: String, socket: String,
                                    runsAsRoot: Bool) throws -> Int {
        var lastOutput = ""
        for attempt in 1...5 {
            guard let port = FreePort.find() else { continue }
            let options = [
                "-k \(socket)", "-p \(port)", "-c listen_addresses=127.0.0.1",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
                "-c max_connections=200", "-c max_locks_per_transaction=512", "-c max_prepared_transactions=20",
                "-c track_activity_query_size=65536",
            ].joined(separator: " ")
            let outcome = try ProcessRunner.runAsServerUser(
                binDirectory.appendingPathComponent("pg_ctl").path,
                ["-D", data, "-l", base + "/server.log", "-w", "-t", "30", "-o", options, "start"],
                asRoot: runsAsRoot, outputFile: URL(fileURLWithPath: base + "/pg_ctl-\(attempt).out"))
            if outcome.status == 0 { return port }
            lastOutput = outcome.output
                + ((try? String(contentsOfFile: base + "/server.log", encoding: .utf8)) ?? "")
        }
        throw TestSupportError("PostgreSQL did not start:\n\(lastOutput)")
    }

    /// A shell that outlives a crashed test process just long enough to stop
    /// the server. It ignores Ctrl-C (the server, started by pg_ctl in its
    /// own session, does too) and is sent SIGTERM by a normal exit.
    static func startWatchdog(stopScript: String) -> pid_t? {
        let script = "trap '' INT HUP; exec </dev/null >/dev/null 2>&1; "
            + "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stopScript)"
        return ShellCommand.spawn(script)
    }
}
