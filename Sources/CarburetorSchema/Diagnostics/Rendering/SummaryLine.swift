/// "2 errors, 1 warning generated." — the last line of the text format.
/// Empty when there is nothing to report.
enum SummaryLine {
    static func make(for files: [FileDiagnostics]) -> String {
        var counts: [Severity: Int] = [:]
        for entry in files {
            for diagnostic in entry.diagnostics {
                counts[diagnostic.severity, default: 0] += 1
            }
        }
        let parts = [Severity.error, .warning, .note].compactMap { severity -> String? in
            guard let count = counts[severity], count > 0 else { return nil }
            return "\(count) \(severity.label)\(count == 1 ? "" : "s")"
        }
        guard !parts.isEmpty else { return "" }
        return parts.joined(separator: ", ") + " generated."
    }
}
