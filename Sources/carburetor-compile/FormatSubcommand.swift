import ArgumentParser
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import CarburetorDriver

struct FormatSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite configs in the canonical layout, keeping every comment.",
        discussion: "'-' formats standard input to standard output. Files with syntax errors are left alone."
    )

    @Argument(help: "Config files to format; '-' reads standard input and prints the result.")
    var files: [String]

    @Flag(help: "Write nothing; exit 1 and name each file that would change.")
    var check = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to format (or '-' for standard input).") }
    }

    func run() throws {
        let command = FormatCommand(paths: files, checkOnly: check)
        try Terminal.finish(command.run(in: Terminal.environment))
    }
}
