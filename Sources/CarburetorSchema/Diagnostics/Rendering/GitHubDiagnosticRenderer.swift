/// `--format github`: GitHub Actions workflow commands, which the runner turns
/// into annotations on the pull request's diff.
///
/// `::error file=app.carb,line=3,col=22,endLine=3,endColumn=25,title=E0104::unknown type 'Txt'`
public struct GitHubDiagnosticRenderer: DiagnosticRenderer {
    public init() {}

    public func render(_ files: [FileDiagnostics]) -> String {
        var output = ""
        for entry in files {
            let locator = SourceLocator(entry.file)
            for diagnostic in entry.diagnostics {
                output += command(for: diagnostic, in: locator) + "\n"
            }
        }
        return output
    }

    func command(for diagnostic: Diagnostic, in file: SourceFile) -> String {
        command(for: diagnostic, in: SourceLocator(file))
    }

    func command(for diagnostic: Diagnostic, in locator: SourceLocator) -> String {
        let file = locator.file
        let location = ResolvedLocation(diagnostic.range, in: locator)
        let properties = [
            ("file", file.name),
            ("line", String(location.line)),
            ("col", String(location.column)),
            ("endLine", String(location.endLine)),
            ("endColumn", String(location.endColumn)),
            ("title", diagnostic.code.rawValue),
        ]
        .map { "\($0.0)=\(Self.escapeProperty($0.1))" }
        .joined(separator: ",")

        // The annotation shows one message; help and notes go on lines of their own.
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        for note in diagnostic.notes {
            if let range = note.range {
                let start = locator.location(of: range.start)
                message += "\nnote: \(note.message) (\(file.name):\(start.line):\(start.column))"
            } else {
                message += "\nnote: \(note.message)"
            }
        }
        return "::\(Self.commandName(for: diagnostic.severity)) \(properties)::\(Self.escapeData(message))"
    }

    static func commandName(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The escaping the Actions runner undoes in a command's message.
    static func escapeData(_ text: String) -> String {
        escape(text, separators: false)
    }

    /// Property values additionally escape the separators `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escape(text, separators: true)
    }

    private static func escape(_ text: String, separators: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where separators: result += "%3A"
            case "," where separators: result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
