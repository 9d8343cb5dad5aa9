import Foundation

/// `--format json`: one JSON array of diagnostic objects for editors and
/// scripts. Keys are sorted so the output is byte-stable.
///
/// Lines and columns are 1-based; `endColumn` is exclusive (the column just
/// after the marked text), so an empty range has `column == endColumn`.
public struct JSONDiagnosticRenderer: DiagnosticRenderer {
    public init() {}

    struct Note: Encodable {
        var message: String
        var file: String
        var line: Int?
        var column: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(message, forKey: .message)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
        }

        enum CodingKeys: String, CodingKey { case message, file, line, column }
    }

    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var severity: String
        var code: String
        var message: String
        var notes: [Note]
        var help: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(endLine, forKey: .endLine)
            try container.encode(endColumn, forKey: .endColumn)
            try container.encode(severity, forKey: .severity)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(notes, forKey: .notes)
            // `null` rather than a missing key: consumers see every key always.
            try container.encode(help, forKey: .help)
        }

        enum CodingKeys: String, CodingKey {
            case file, line, column, endLine, endColumn, severity, code, message, notes, help
        }
    }

    static func entries(for files: [FileDiagnostics]) -> [Entry] {
        files.flatMap { entry in
            entry.diagnostics.map { diagnostic in
                let location = ResolvedLocation(diagnostic.range, in: entry.file)
                let notes = diagnostic.notes.map { note in
                    let start = note.range.map { entry.file.location(of: $0.start) }
                    return Note(message: note.message, file: entry.file.name,
                                line: start?.line, column: start?.column)
                }
                return Entry(
                    file: entry.file.name, line: location.line, column: location.column,
                    endLine: location.endLine, endColumn: location.endColumn,
                    severity: diagnostic.severity.rawValue, code: diagnostic.code.rawValue,
                    message: diagnostic.message, notes: notes, help: diagnostic.help
                )
            }
        }
    }

    public func render(_ files: [FileDiagnostics]) -> String {
        let entries = Self.entries(for: files)
        if entries.isEmpty { return "[]\n" }
        return StableJSON.encode(entries) + "\n"
    }
}

/// Pretty-printed JSON with sorted keys and unescaped slashes: the same value
/// always gives the same bytes.
enum StableJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // Only strings, integers, arrays and objects are encoded; this cannot fail.
            preconditionFailure("encoding diagnostics as JSON failed: \(error)")
        }
    }
}
