import CarburetorSchema

/// What a command printed and how it exits. Commands return this instead of
/// printing, so tests run them in-process and the executable stays thin.
public struct CommandOutput: Sendable, Equatable {
    public var standardOutput: String = ""
    public var standardError: String = ""
    public var exitCode: ExitStatus = .success

    public init(standardOutput: String = "", standardError: String = "", exitCode: ExitStatus = .success) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }

    mutating func fail(_ message: String, exitCode: ExitStatus = .failure) {
        standardError += "error: \(message)\n"
        self.exitCode = max(self.exitCode, exitCode)
    }
}
