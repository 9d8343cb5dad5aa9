import CarburetorWire

/// `--format json`: one JSON array of diagnostic objects for editors and
/// scripts. Every object has the same keys in the same order:
/// `file`, `line`, `column`, `endLine`, `endColumn`, `severity`, `code`,
/// `message`, `notes` (objects with `message`, `file`, `line`, `column`;
/// `line`/`column` are null for a note without a place) and `help` (or null).
///
/// Lines and columns are 1-based and count Unicode scalars; `endColumn` is
/// exclusive (the column just after the marked text), so an empty range has
/// `column == endColumn`.
public struct JSONDiagnosticRenderer: DiagnosticRenderer {
    public init() {}

    static func value(for diagnostic: Diagnostic, in locator: SourceLocator) -> JSONDocument {
        let file = locator.file
        let location = ResolvedLocation(diagnostic.range, in: locator)
        let notes = diagnostic.notes.map { note -> JSONDocument in
            let start = note.range.map { locator.location(of: $0.start) }
            return .object([
                ("message", .string(note.message)),
                ("file", .string(file.name)),
                ("line", .optional(start?.line)),
                ("column", .optional(start?.column)),
            ])
        }
        return .object([
            ("file", .string(file.name)),
            ("line", .integer(location.line)),
            ("column", .integer(location.column)),
            ("endLine", .integer(location.endLine)),
            ("endColumn", .integer(location.endColumn)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code.rawValue)),
            ("message", .string(diagnostic.message)),
            ("notes", .array(notes)),
            ("help", .optional(diagnostic.help)),
        ])
    }

    public func render(_ files: [FileDiagnostics]) -> String {
        let values = files.flatMap { entry in
            let locator = SourceLocator(entry.file)
            return entry.diagnostics.map { Self.value(for: $0, in: locator) }
        }
        return JSONDocument.array(values).rendered(.readable) + "\n"
    }
}
