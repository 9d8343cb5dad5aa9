import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// `carburetor-compile check FILE…`: runs the front end over every file and
/// reports all diagnostics in one format. Exit 1 when any file has an error
/// or cannot be read.
public struct CheckCommand: Sendable {
    public var paths: [String]
    public var format: DiagnosticFormat
    public var policy: DiagnosticPolicy

    public init(paths: [String], format: DiagnosticFormat = .text, policy: DiagnosticPolicy = DiagnosticPolicy()) {
        self.paths = paths
        self.format = format
        self.policy = policy
    }

    public func run(in environment: CommandEnvironment) -> CommandOutput {
        var output = CommandOutput()
        var reports: [FileDiagnostics] = []
        for path in paths {
            switch InputReader.read(path, environment: environment) {
            case .failure(let error):
                output.fail(error.description)
            case .success(let file):
                // Notes are shown only with --verbose; without it they are not even made.
                let result = Frontend.compile(file, includeNotes: policy.verbose)
                reports.append(FileDiagnostics(file: file, diagnostics: policy.apply(to: result.diagnostics)))
            }
        }
        if reports.contains(where: { $0.diagnostics.contains { $0.severity == .error } }) {
            output.exitCode = ExitStatus.failure
        }
        let rendered = format.renderer(useColor: environment.useColor).render(reports)
        // People read compiler messages on standard error; tools read the
        // machine formats from standard output so they can be redirected.
        if format == .text {
            output.standardError = rendered + output.standardError
        } else {
            output.standardOutput = rendered
        }
        return output
    }
}
