import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs helper programs (initdb, pg_ctl) to completion with posix_spawn,
/// output captured in a file. Foundation's `Process` is avoided on purpose:
/// its termination monitoring can miss the exit of a program (pg_ctl) whose
/// grandchild (the server) lives on, which hangs `waitUntilExit`.
enum ProcessRunner {
    struct Outcome {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String], outputFile: URL) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var cArguments: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) }
        cArguments.append(nil)
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw TestSupportError("could not run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw TestSupportError("waiting for \(executable) failed") }
        }
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        // Exited normally: the exit code; killed by a signal: 128 + signal, like a shell.
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exitCode, output: output)
    }

    /// Runs `executable` as the `postgres` system user when we are root
    /// (initdb refuses root), directly otherwise.
    static func runAsServerUser(_ executable: String, _ arguments: [String], asRoot: Bool,
                                outputFile: URL) throws -> Outcome {
        if asRoot {
            return try run("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments,
                           outputFile: outputFile)
        }
        return try run(executable, arguments, outputFile: outputFile)
    }
}
