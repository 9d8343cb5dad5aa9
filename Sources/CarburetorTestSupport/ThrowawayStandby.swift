import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hot standby of this process's throwaway server, for tests of what must
/// refuse to run on one (a download's cutoff cannot see the primary's open
/// transactions). Made with `pg_basebackup -R`, so it holds every database
/// the primary had when it started and keeps replaying what follows.
public struct ThrowawayStandby: Sendable {
    let server: ThrowawayServer

    /// Whether a standby can be made: only of the throwaway server, not of a
    /// server named by `CARBURETOR_TEST_DATABASE_URL`.
    public static var isAvailable: Bool { !TestPostgres.usesExternalServer }

    /// `database` on the standby, as the superuser over 127.0.0.1.
    public func database(_ name: String) -> TestDatabase {
        TestDatabase(host: "127.0.0.1", port: server.port, user: ThrowawayServer.superuser, password: nil,
                     database: name)
    }

    public func stop() { server.stop() }

    public static func start() throws -> ThrowawayStandby {
        let primary = try ThrowawayServer.shared.get()
        var template = Array("/tmp/carburetor-standby-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw TestSupportError("could not create a temporary directory for the standby")
        }
        let base = String(cString: created)
        let data = base + "/data"
        let socket = base + "/sock"
        do {
            try ThrowawayServer.prepareDirectories(base: base, data: data, socket: socket,
                                                   runsAsRoot: primary.runsAsRoot)
            // pg_basebackup wants to create (or find empty) the data directory.
            let backup = try ProcessRunner.runAsServerUser(
                primary.binDirectory.appendingPathComponent("pg_basebackup").path,
                ["-D", data, "-R", "-X", "stream", "-h", primary.socketDirectory, "-p", String(primary.port),
                 "-U", ThrowawayServer.superuser, "--no-sync"],
                asRoot: primary.runsAsRoot, outputFile: URL(fileURLWithPath: base + "/basebackup.out"))
            guard backup.status == 0 else {
                throw TestSupportError("pg_basebackup failed (exit \(backup.status)):\n\(backup.output)")
            }
            let port = try ThrowawayServer.startServer(binDirectory: primary.binDirectory, base: base, data: data,
                                                       socket: socket, runsAsRoot: primary.runsAsRoot)
            let stop = ThrowawayServer.stopScript(binDirectory: primary.binDirectory, data: data, base: base,
                                                  runsAsRoot: primary.runsAsRoot)
            return ThrowawayStandby(server: ThrowawayServer(
                baseDirectory: base, dataDirectory: data, socketDirectory: socket,
                binDirectory: primary.binDirectory, port: port, runsAsRoot: primary.runsAsRoot,
                watchdog: ThrowawayServer.startWatchdog(stopScript: stop)))
        } catch {
            ShellCommand.run("rm -rf \(ShellCommand.quote(base))")
            throw error
        }
    }
}
