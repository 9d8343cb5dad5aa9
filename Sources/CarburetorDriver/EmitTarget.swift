import CarburetorCore

/// The backends `--emit` can select. Each maps to its generator once that
/// backend is part of the build; until then `generator` is `nil` and the
/// command says so.
public enum EmitTarget: String, CaseIterable, Sendable {
    /// PostgreSQL DDL.
    case sql
    /// Swift models and sync code.
    case swift
    /// Markdown documentation.
    case docs

    public var generator: (any CodeGenerator)? {
        switch self {
        case .sql: nil
        case .swift: nil
        case .docs: nil
        }
    }

    /// Said when the backend is missing, so the user is not left guessing.
    public var unavailableMessage: String {
        "the \(rawValue) backend is not available in this build yet"
    }
}
