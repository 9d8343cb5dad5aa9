import CarburetorSchema

/// The per-table column reference: one row per column, client-only ones included
/// (marked, since they never reach the server or the wire).
enum ColumnTable {
    static let header = [
        "Column", "`.carb` type", "PostgreSQL", "Swift", "JSON", "Nullable", "Default", "Immutable", "Role",
        "Description",
    ]

    static func markdown(for table: Table) -> String {
        var lines = [row(header), row(header.map { _ in "---" })]
        for column in table.columns {
            lines.append(row(cells(for: column)))
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    private static func cells(for column: Column) -> [String] {
        let scalar = column.type.scalar
        let onServer = !column.isClientOnly
        return [
            MarkdownEscaping.code(column.name, inTable: true),
            MarkdownEscaping.code(column.type.carbSpelling, inTable: true),
            onServer ? MarkdownEscaping.code(TypeDescriptions.postgreSQLName(scalar), inTable: true) : "—",
            MarkdownEscaping.code(TypeDescriptions.swiftName(column.type), inTable: true),
            onServer ? MarkdownEscaping.escapeCell(TypeDescriptions.jsonDescription(scalar)) : "not sent",
            column.isNullable ? "yes" : "no",
            defaultDescription(column),
            column.isImmutable ? "yes" : "no",
            roleDescription(column),
            column.documentation.map(MarkdownEscaping.escapeCell) ?? "",
        ]
    }

    static func defaultDescription(_ column: Column) -> String {
        var parts: [String] = []
        switch column.sqlDefault {
        case .now?: parts.append("now (database clock)")
        case .null?: parts.append(MarkdownEscaping.code("null", inTable: true))
        case .emptyJSON?: parts.append(MarkdownEscaping.code("{}", inTable: true))
        case .text(let text)?: parts.append(MarkdownEscaping.code(ExampleJSON.quoted(text), inTable: true))
        case .number(let literal)?: parts.append(MarkdownEscaping.code(literal, inTable: true))
        case .databaseSupplied?: parts.append("set by the database")
        case nil:
            switch column.role {
            case .softDelete: parts.append(MarkdownEscaping.code("false", inTable: true))
            case .syncStamp: parts.append("set by the server")
            default: break
            }
        }
        if let swift = column.swiftDefault {
            parts.append("Swift: " + MarkdownEscaping.code(swift, inTable: true))
        }
        return parts.isEmpty ? "—" : parts.joined(separator: "; ")
    }

    static func roleDescription(_ column: Column) -> String {
        var roles: [String] = []
        switch column.role {
        case .regular: break
        case .id: roles.append("id")
        case .syncStamp: roles.append("sync stamp")
        case .softDelete: roles.append("soft delete")
        case .dirtyFlag: roles.append("client-only (dirty flag)")
        case .clientSyncMetadata: roles.append("client-only (sync metadata)")
        }
        if column.isSynthesized { roles.append("synthesized") }
        return roles.isEmpty ? "—" : roles.joined(separator: ", ")
    }
}
