import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// `carburetor-compile fmt FILE… [--check]`: rewrites each file in the
/// canonical layout (atomically), or with `--check` only names the files that
/// would change. `-` formats standard input to standard output.
public struct FormatCommand: Sendable {
    public var paths: [String]
    public var checkOnly: Bool

    public init(paths: [String], checkOnly: Bool = false) {
        self.paths = paths
        self.checkOnly = checkOnly
    }

    public func run(in environment: CommandEnvironment) -> CommandOutput {
        var output = CommandOutput()
        for path in paths {
            let file: SourceFile
            switch InputReader.read(path, environment: environment) {
            case .failure(let error):
                output.fail(error.description)
                continue
            case .success(let source):
                file = source
            }
            let result = Formatter.format(file)
            guard let formatted = result.formatted else {
                output.standardError += TextDiagnosticRenderer(useColor: environment.useColor, includeSummary: false)
                    .render([FileDiagnostics(file: file, diagnostics: result.diagnostics)])
                output.fail("'\(file.name)' has syntax errors; it was not formatted")
                continue
            }
            let changed = formatted != file.text
            if checkOnly {
                if changed {
                    output.standardError += "would reformat \(file.name)\n"
                    output.exitCode = ExitStatus.failure
                }
            } else if path == "-" {
                output.standardOutput += formatted
            } else if changed {
                do throws(OutputError) {
                    try GeneratedFileWriter.write(
                        [GeneratedFile(path: lastComponent(of: path), contents: formatted)],
                        to: directory(of: path)
                    )
                } catch {
                    output.fail(error.description)
                }
            }
        }
        return output
    }

    private func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
