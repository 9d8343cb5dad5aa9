import ArgumentParser
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import CarburetorDriver

struct CheckSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem in one or more configs (exit 1 on any error).",
        discussion: "Text diagnostics go to standard error; json, github and sarif go to standard output."
    )

    @Argument(help: "Config files to check; '-' reads standard input.")
    var files: [String]

    @Option(help: "How to print diagnostics.")
    var format: DiagnosticFormat = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to check (or '-' for standard input).") }
    }

    func run() throws {
        let command = CheckCommand(paths: files, format: format, policy: diagnostics.policy)
        try Terminal.finish(command.run(in: Terminal.environment))
    }
}
