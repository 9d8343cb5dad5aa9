import CarburetorSchema
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import CarburetorDriver

/// Where the process meets the terminal: colour detection and printing a
/// command's output.
enum Terminal {
    /// Colour only on a terminal and only when `NO_COLOR` is not set at all.
    static var standardErrorWantsColor: Bool {
        isatty(STDERR_FILENO) == 1 && getenv("NO_COLOR") == nil
    }

    static var environment: CommandEnvironment {
        .process(useColor: standardErrorWantsColor)
    }

    /// Prints a command's output and turns its status into the process's exit code.
    static func finish(_ output: CommandOutput) throws {
        write(output.standardOutput, to: .standardOutput)
        write(output.standardError, to: .standardError)
        if output.exitCode != ExitStatus.success {
            throw ExitCode(output.exitCode.rawValue)
        }
    }

    private static func write(_ text: String, to handle: FileHandle) {
        guard !text.isEmpty else { return }
        handle.write(Data(text.utf8))
    }
}
