import ArgumentParser
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import CarburetorDriver

/// The default subcommand: `carburetor-compile FILE --emit sql|swift|swift-client|docs`.
struct EmitSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Compile a config and emit SQL, Swift (server or device) or docs (the default subcommand)."
    )

    @Argument(help: "The config file; '-' reads standard input.")
    var file: String

    @Option(help: ArgumentHelp("What to generate.", valueName: "target"))
    var emit: EmitTarget

    @Option(name: .customLong("out"), help: ArgumentHelp("Write the generated files under this directory (created if needed).", valueName: "dir"))
    var outputDirectory: String?

    @Flag(help: "With --out: write nothing; exit 2 when a generated file is missing or differs.")
    var check = false

    @Flag(help: "SQL: make the script idempotent (IF NOT EXISTS, CREATE OR REPLACE).")
    var ifNotExists = false

    @Option(name: .customLong("schema"), help: ArgumentHelp("SQL: put every object into this PostgreSQL schema.", valueName: "name"))
    var schemaName: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if check && outputDirectory == nil {
            throw ValidationError("--check compares files under --out DIR; give --out too.")
        }
    }

    func run() throws {
        let command = EmitCommand(path: file, target: emit, outputDirectory: outputDirectory,
                                  checkOnly: check, policy: diagnostics.policy,
                                  backendOptions: BackendOptions(ifNotExists: ifNotExists, schemaName: schemaName))
        try Terminal.finish(command.run(in: Terminal.environment))
    }
}
