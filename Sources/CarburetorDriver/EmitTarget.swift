import CarburetorClientGen
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import CarburetorDocs
import CarburetorSQL
import CarburetorSwiftGen

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

/// The backends `--emit` can select.
public enum EmitTarget: String, CaseIterable, Sendable {
    /// PostgreSQL DDL.
    case sql
    /// Swift models and sync code.
    case swift
    /// Markdown documentation.
    case docs
    /// Device code: GRDB records and sync descriptors for `CarburetorClient`.
    case swiftClient = "swift-client"

    public func generator(options: BackendOptions) -> any CodeGenerator {
        switch self {
        case .sql:
            SQLGenerator(options: .init(ifNotExists: options.ifNotExists, schemaName: options.schemaName))
        case .swift: SwiftGenerator()
        case .docs: DocsGenerator()
        case .swiftClient: ClientGenerator()
        }
    }
}
