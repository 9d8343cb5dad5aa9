#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spawns `/bin/sh -c script` with posix_spawn. Used on the exit path, where
/// Foundation's `Process` (which relies on background threads) is not safe.
enum ShellCommand {
    /// Starts the script and returns its process id, or `nil` on failure.
    static func spawn(_ script: String) -> pid_t? {
        let arguments = ["/bin/sh", "-c", script]
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        cArguments.append(nil)
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", nil, nil, cArguments, environ)
        return status == 0 ? pid : nil
    }

    /// Runs the script to completion.
    static func run(_ script: String) {
        guard let pid = spawn(script) else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    /// Single-quotes a word for the shell.
    static func quote(_ word: String) -> String {
        "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
