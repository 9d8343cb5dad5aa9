import ArgumentParser
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import CarburetorDriver

/// Flags every compiling command shares.
struct DiagnosticOptions: ParsableArguments {
    @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
    var warningsAsErrors = false

    @Flag(help: "Also show notes, such as the columns the compiler adds to a table.")
    var verbose = false

    var policy: DiagnosticPolicy {
        DiagnosticPolicy(warningsAsErrors: warningsAsErrors, verbose: verbose)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
extension EmitTarget: ExpressibleByArgument {}
