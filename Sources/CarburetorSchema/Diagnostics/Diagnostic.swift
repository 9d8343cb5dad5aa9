/// How serious a diagnostic is. `--warnings-as-errors` promotes warnings.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable identifier such as `E0104`. Codes never change meaning once
/// released: CI configurations and editor integrations match on them.
/// The catalogue of codes lives in `DiagnosticCode+Catalogue.swift`.
public struct DiagnosticCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
}

/// A secondary message pointing at a related place ("first defined here").
public struct DiagnosticNote: Hashable, Sendable {
    public var message: String
    /// `nil` for a note that has no location of its own.
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// A suggested edit: replace the text in `range` with `replacement`.
public struct FixIt: Hashable, Sendable {
    public var range: SourceRange
    public var replacement: String

    public init(replace range: SourceRange, with replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// One problem found in one source file. Stages append these to a
/// `DiagnosticCollector` and carry on; only the CLI turns errors into an exit code.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    /// The whole range the marker goes under (empty for a missing token).
    public var range: SourceRange
    public var notes: [DiagnosticNote]
    /// A one-line fix hint ("did you mean 'Text'?").
    public var help: String?
    public var fixIts: [FixIt]

    public init(
        severity: Severity,
        code: DiagnosticCode,
        message: String,
        range: SourceRange,
        notes: [DiagnosticNote] = [],
        help: String? = nil,
        fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.notes = notes
        self.help = help
        self.fixIts = fixIts
    }
}

/// Accumulates diagnostics for one source file.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// When false, notes are dropped as they come, before their message is
    /// even built: a large config gets tens of thousands of `N0001` notes
    /// that only `--verbose` shows.
    public var keepsNotes = true

    public init(keepsNotes: Bool = true) {
        self.keepsNotes = keepsNotes
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func append(_ diagnostic: Diagnostic) {
        guard keepsNotes || diagnostic.severity != .note else { return }
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        if keepsNotes {
            diagnostics.append(contentsOf: other)
        } else {
            diagnostics.append(contentsOf: other.lazy.filter { $0.severity != .note })
        }
    }

    public mutating func error(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []
    ) {
        append(Diagnostic(severity: .error, code: code, message: message, range: range,
                          notes: notes, help: help, fixIts: fixIts))
    }

    public mutating func warning(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []
    ) {
        append(Diagnostic(severity: .warning, code: code, message: message, range: range,
                          notes: notes, help: help, fixIts: fixIts))
    }

    public mutating func note(
        _ code: DiagnosticCode, _ message: @autoclosure () -> String, at range: SourceRange,
        notes: [DiagnosticNote] = [], help: String? = nil
    ) {
        guard keepsNotes else { return }
        append(Diagnostic(severity: .note, code: code, message: message(), range: range,
                          notes: notes, help: help))
    }

    /// Diagnostics in source order (stable for equal positions), the order
    /// every renderer prints them in.
    public var sorted: [Diagnostic] {
        // Usually already in order (every stage reports as it reads the
        // file): one linear check then spares sorting thousands of notes.
        if diagnostics.indices.dropFirst().allSatisfy({ diagnostics[$0 - 1].range.start <= diagnostics[$0].range.start }) {
            return diagnostics
        }
        return diagnostics.enumerated()
            .sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }
            .map(\.element)
    }
}
