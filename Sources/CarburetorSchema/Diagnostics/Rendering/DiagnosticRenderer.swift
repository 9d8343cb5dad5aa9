/// The diagnostics of one source file, as the renderers receive them.
public struct FileDiagnostics: Sendable {
    public var file: SourceFile
    /// In the order they are to be printed (normally source order).
    public var diagnostics: [Diagnostic]

    public init(file: SourceFile, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }
}

/// Turns diagnostics into the text a user or a tool reads. Renderers are pure:
/// the same input gives the same bytes, so their output can be golden-tested.
public protocol DiagnosticRenderer: Sendable {
    func render(_ files: [FileDiagnostics]) -> String
}

/// The output formats `check --format` accepts.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
    case sarif

    /// The renderer for this format. `useColor` matters only for `text`.
    public func renderer(useColor: Bool = false) -> any DiagnosticRenderer {
        switch self {
        case .text: TextDiagnosticRenderer(useColor: useColor)
        case .json: JSONDiagnosticRenderer()
        case .github: GitHubDiagnosticRenderer()
        case .sarif: SARIFDiagnosticRenderer()
        }
    }
}

/// A diagnostic's or a note's place, resolved to 1-based lines and columns.
/// `endColumn` is exclusive: the column just after the last marked character.
struct ResolvedLocation: Hashable, Sendable {
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int

    init(_ range: SourceRange, in locator: SourceLocator) {
        let start = locator.location(of: range.start)
        let end = locator.location(of: range.end)
        line = start.line
        column = start.column
        endLine = end.line
        endColumn = end.column
    }
}

extension Severity {
    /// "error", "warning" or "note": the word renderers print.
    var label: String { rawValue }
}
