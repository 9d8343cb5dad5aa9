import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// What the user asked to see: `--warnings-as-errors` and `--verbose`.
public struct DiagnosticPolicy: Sendable, Equatable {
    public var warningsAsErrors: Bool
    /// Shows `N…` notes (synthesized columns and the like), hidden otherwise.
    public var verbose: Bool

    public init(warningsAsErrors: Bool = false, verbose: Bool = false) {
        self.warningsAsErrors = warningsAsErrors
        self.verbose = verbose
    }

    /// The diagnostics to show, with warnings promoted when asked.
    public func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            var diagnostic = diagnostic
            switch diagnostic.severity {
            case .note where !verbose:
                return nil
            case .warning where warningsAsErrors:
                diagnostic.severity = .error
            default:
                break
            }
            return diagnostic
        }
    }
}
