import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// The compiler's diagnostics as the protocol's: same code, range, severity
/// and message as `check`; located notes become related information, the
/// rest of the notes and the help line go into the message.
enum DiagnosticConversion {
    static func diagnostics(of analysis: DocumentAnalysis, uri: String) -> [LSPDiagnostic] {
        analysis.diagnostics.map { convert($0, in: analysis, uri: uri) }
    }

    static func convert(_ diagnostic: Diagnostic, in analysis: DocumentAnalysis, uri: String) -> LSPDiagnostic {
        var message = diagnostic.message
        for note in diagnostic.notes where note.range == nil {
            message += "\nnote: \(note.message)"
        }
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        let related = diagnostic.notes.compactMap { note -> LSPDiagnostic.RelatedInformation? in
            guard let range = note.range else { return nil }
            return LSPDiagnostic.RelatedInformation(
                location: Location(uri: uri, range: analysis.lines.range(of: range)), message: note.message)
        }
        return LSPDiagnostic(
            range: analysis.lines.range(of: diagnostic.range),
            severity: severity(diagnostic.severity),
            code: diagnostic.code.rawValue,
            codeDescription: nil,
            source: "carburetor",
            message: message,
            relatedInformation: related.isEmpty ? nil : related)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}
