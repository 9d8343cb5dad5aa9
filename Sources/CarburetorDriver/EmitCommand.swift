import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// `carburetor-compile FILE --emit TARGET [--out DIR] [--check]`: compiles one
/// config and hands the schema to a backend. Nothing is written when the
/// config has errors.
public struct EmitCommand: Sendable {
    public var path: String
    public var target: EmitTarget
    public var outputDirectory: String?
    /// With `outputDirectory`: compare instead of writing (exit 2 when stale).
    public var checkOnly: Bool
    public var policy: DiagnosticPolicy
    public var backendOptions: BackendOptions
    /// Replaces `target.generator`; tests pass a fake backend here.
    public var generatorOverride: (any CodeGenerator)?

    public init(path: String, target: EmitTarget, outputDirectory: String? = nil, checkOnly: Bool = false,
                policy: DiagnosticPolicy = DiagnosticPolicy(),
                backendOptions: BackendOptions = BackendOptions(), generatorOverride: (any CodeGenerator)? = nil) {
        self.path = path
        self.target = target
        self.outputDirectory = outputDirectory
        self.checkOnly = checkOnly
        self.policy = policy
        self.backendOptions = backendOptions
        self.generatorOverride = generatorOverride
    }

    public func run(in environment: CommandEnvironment) -> CommandOutput {
        var output = CommandOutput()
        let file: SourceFile
        switch InputReader.read(path, environment: environment) {
        case .failure(let error):
            output.fail(error.description)
            return output
        case .success(let source):
            file = source
        }

        let result = Frontend.compile(file)
        let diagnostics = policy.apply(to: result.diagnostics)
        output.standardError = TextDiagnosticRenderer(useColor: environment.useColor)
            .render([FileDiagnostics(file: file, diagnostics: diagnostics)])
        guard !diagnostics.contains(where: { $0.severity == .error }), let schema = result.schema else {
            output.exitCode = ExitStatus.failure
            return output
        }
        let generator = generatorOverride ?? target.generator(options: backendOptions)

        guard let directory = outputDirectory else {
            output.standardOutput = generator.standardOutput(for: schema)
            return output
        }
        let files = generator.files(for: schema)
        do throws(OutputError) {
            if checkOnly {
                let outdated = try GeneratedFileChecker.outdated(files, in: directory)
                if !outdated.isEmpty {
                    for entry in outdated {
                        output.standardError += "\(entry.status.rawValue): \(join(directory, entry.path))\n"
                    }
                    output.standardError += "\(outdated.count) of \(files.count) generated "
                        + "file\(files.count == 1 ? "" : "s") out of date; "
                        + "run without --check to update them.\n"
                    output.exitCode = ExitStatus.outOfDate
                }
            } else {
                let written = try GeneratedFileWriter.write(files, to: directory)
                for path in written { output.standardError += "wrote \(join(directory, path))\n" }
            }
        } catch {
            output.fail(error.description)
        }
        return output
    }

    private func join(_ directory: String, _ path: String) -> String {
        directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
