import ArgumentParser
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import CarburetorDriver

/// The root command. A bare `carburetor-compile FILE --emit sql` runs the
/// default subcommand `generate`; `check` and `fmt` are named. A later
/// `migrate` group slots in beside them as another subcommand with its own
/// subcommands.
@main
struct CarburetorCompile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carburetor-compile",
        abstract: "Compile a Carburetor sync config (.carb).",
        usage: """
            carburetor-compile <file> --emit <target> [--out <dir> [--check]]
            carburetor-compile check <files> ... [--format <format>]
            carburetor-compile fmt <files> ... [--check]
            carburetor-compile lsp
            """,
        discussion: """
            Exit status: 0 success; 1 errors in a config, an unreadable file, an unavailable \
            backend, or files `fmt --check` would change; 2 generated files out of date \
            (`--out DIR --check`).
            """,
        subcommands: [EmitSubcommand.self, CheckSubcommand.self, FormatSubcommand.self, MigrateSubcommand.self,
                      LanguageServerSubcommand.self],
        defaultSubcommand: EmitSubcommand.self
    )
}
