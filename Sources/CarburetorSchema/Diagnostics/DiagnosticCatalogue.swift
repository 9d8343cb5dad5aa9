/// Describes one diagnostic code for the README's reference and for the test
/// that checks every code is produced by its own example.
public struct DiagnosticDescriptor: Hashable, Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    /// A short title ("unterminated string literal").
    public var title: String
    /// A complete `.carb` file that triggers this code.
    public var example: String

    public init(code: DiagnosticCode, severity: Severity, title: String, example: String) {
        self.code = code
        self.severity = severity
        self.title = title
        self.example = example
    }
}

/// Every code the compiler can emit. Codes are stable: never renumber one,
/// never reuse a retired one.
///
/// Ranges: `E00xx` lexical, `E01xx` syntax, `E02xx`+ semantic errors,
/// `W0xxx` warnings, `N0xxx` notes.
public enum DiagnosticCatalogue {
    public static var all: [DiagnosticDescriptor] {
        syntaxDescriptors + semanticDescriptors
    }
}
