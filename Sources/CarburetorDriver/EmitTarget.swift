import CarburetorCore
import CarburetorDocs
import CarburetorSQL

/// Options that only some backends read; the others ignore them.
public struct BackendOptions: Sendable, Hashable {
    /// SQL: make the script idempotent (`IF NOT EXISTS`, `CREATE OR REPLACE`).
    public var ifNotExists: Bool
    /// SQL: put every object into this PostgreSQL schema.
    public var schemaName: String?

    public init(ifNotExists: Bool = false, schemaName: String? = nil) {
        self.ifNotExists = ifNotExists
        self.schemaName = schemaName
    }
}

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

    public func generator(options: BackendOptions) -> (any CodeGenerator)? {
        switch self {
        case .sql:
            SQLGenerator(options: .init(ifNotExists: options.ifNotExists, schemaName: options.schemaName))
        case .swift: nil
        case .docs: DocsGenerator()
        }
    }

    /// Said when the backend is missing, so the user is not left guessing.
    public var unavailableMessage: String {
        "the \(rawValue) backend is not available in this build yet"
    }
}
