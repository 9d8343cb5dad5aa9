import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import CarburetorSQL
import CarburetorSwiftGen

/// What the compiler resolved about the name under the cursor, and the
/// explanation of any diagnostic there.
enum HoverProvider {
    static func hover(in analysis: DocumentAnalysis, at position: Position) -> Hover? {
        let offset = analysis.lines.offset(of: position)
        var sections: [String] = []
        var range: SourceRange?
        if let occurrence = analysis.occurrence(at: offset), let text = describe(occurrence.symbol, in: analysis) {
            sections.append(text)
            range = occurrence.range
        }
        for diagnostic in analysis.diagnostics where covers(diagnostic.range, offset) {
            sections.append(explain(diagnostic.code))
        }
        guard !sections.isEmpty else { return nil }
        return Hover(contents: MarkupContent(value: sections.joined(separator: "\n\n---\n\n")),
                     range: range.map(analysis.lines.range(of:)))
    }

    private static func covers(_ range: SourceRange, _ offset: Int) -> Bool {
        range.isEmpty ? range.start == offset : (range.start <= offset && offset <= range.end)
    }

    static func describe(_ symbol: Symbol, in analysis: DocumentAnalysis) -> String? {
        switch symbol {
        case .table(let name): analysis.table(named: name).map { describe($0, in: analysis) }
        case .column(let tableName, let columnName):
            analysis.table(named: tableName).flatMap { table in
                table.column(named: columnName).map { describe($0, of: table, in: analysis) }
            }
        case .group(let name): analysis.schema.groups.first { $0.name == name }.map(describe)
        case .variable(let groupName, let name): describeVariable(name, group: groupName, in: analysis)
        case .type(let name): ScalarTypeNames.scalar(named: name).map(describeType)
        case .attribute(let name): LanguageWords.attributes.first { $0.name == name }.map { "`#[\($0.name)]` — \($0.summary)" }
        case .argument(let name): LanguageWords.arguments[name].map { "`\(name)` — \($0)" }
        case .keyword(let name): LanguageWords.blocks[name].map { "`\(name)` — \($0)" }
        }
    }

    // MARK: Tables and columns

    static func describe(_ table: Table, in analysis: DocumentAnalysis) -> String {
        var lines = ["**table `\(table.name)`** → PostgreSQL table `\(table.plural)`"
            + (table.pluralIsDefault ? " (default plural: the name + \"s\"; write `plural = \"…\"` to change it)" : "")]
        lines.append("\nSwift type `\(Naming.upperCamelCase(table.name))`")
        if let documentation = table.documentation { lines.append("\n" + documentation) }
        if let old = table.renamedFrom { lines.append("renamed from `\(old)`") }
        lines.append("")
        lines.append("- id: \(roleLine(table.idColumn))")
        lines.append("- sync stamp: \(roleLine(table.syncColumn))")
        lines.append("- soft delete: \(roleLine(table.softDeleteColumn))")
        lines.append("")
        lines.append("| column | .carb | PostgreSQL | Swift | |")
        lines.append("|---|---|---|---|---|")
        for column in table.columns {
            lines.append("| `\(column.name)` | `\(column.type.carbSpelling)` | `\(postgresType(column))` | `\(swiftType(column))` | \(traits(column).joined(separator: ", ")) |")
        }
        lines.append("")
        lines.append(groupUsage(of: table.name, in: analysis))
        return lines.joined(separator: "\n")
    }

    private static func roleLine(_ column: Column) -> String {
        "`\(column.name) -> \(column.type.carbSpelling)`" + (column.isSynthesized ? " (synthesized by the compiler)" : "")
    }

    static func describe(_ column: Column, of table: Table, in analysis: DocumentAnalysis) -> String {
        var lines = ["**column `\(table.name).\(column.name)`** `\(column.type.carbSpelling)`"]
        if column.isClientOnly {
            lines.append("client storage only (never in PostgreSQL or on the wire); Swift `\(swiftType(column))`")
        } else {
            lines.append("PostgreSQL `\(column.name) \(postgresType(column))`; Swift `\(Naming.lowerCamelCase(column.name)): \(swiftType(column))`")
        }
        let traits = traits(column)
        if !traits.isEmpty { lines.append(traits.joined(separator: ", ")) }
        if let documentation = column.documentation { lines.append("\n" + documentation) }
        let restricting = analysis.schema.groups.compactMap { group -> String? in
            let uses = group.entries.filter { $0.tableName == table.name && $0.restriction?.columnName == column.name }
            guard let restriction = uses.first?.restriction else { return nil }
            return "`\(group.name)` (`$\(restriction.variable)`)"
        }
        if !restricting.isEmpty { lines.append("restricts downloads in: " + restricting.joined(separator: ", ")) }
        return lines.joined(separator: "\n\n")
    }

    private static func traits(_ column: Column) -> [String] {
        var traits: [String] = []
        switch column.role {
        case .id: traits.append("id (primary key)")
        case .syncStamp: traits.append("sync stamp (server-written)")
        case .softDelete: traits.append("soft-delete flag")
        case .dirtyFlag: traits.append("dirty flag (client only)")
        case .clientSyncMetadata: traits.append("sync metadata (client only)")
        case .regular: break
        }
        if column.isSynthesized { traits.append("synthesized") }
        if column.isImmutable && column.role != .id { traits.append("immutable") }
        if let value = column.sqlDefault {
            if let expression = SQLTypeMapping.defaultExpression(value, for: column.type.scalar) {
                traits.append("DEFAULT \(expression)")
            } else {
                traits.append("database default")
            }
        }
        if let swift = column.swiftDefault { traits.append("Swift default `\(swift)`") }
        if let old = column.renamedFrom { traits.append("renamed from `\(old)`") }
        return traits
    }

    static func postgresType(_ column: Column) -> String {
        SQLTypeMapping.sqlType(for: column.type.scalar) + (column.isNullable ? "" : " NOT NULL")
    }

    static func swiftType(_ column: Column) -> String {
        SwiftScalarTypes.name(of: column.type.scalar) + (column.isNullable ? "?" : "")
    }

    private static func groupUsage(of tableName: String, in analysis: DocumentAnalysis) -> String {
        let uses = analysis.schema.groups.compactMap { group -> String? in
            guard let entry = group.entries.first(where: { $0.tableName == tableName }) else { return nil }
            if let restriction = entry.restriction {
                return "- `\(group.name)`: rows where `\(restriction.columnName) = $\(restriction.variable)`"
            }
            return "- `\(group.name)`: every row"
        }
        return uses.isEmpty ? "in no sync group" : "synced in:\n" + uses.joined(separator: "\n")
    }

    // MARK: Groups and variables

    static func describe(_ group: SyncGroup) -> String {
        var lines = ["**sync group `\(group.name)`** — \(group.entries.count) table(s)"]
        if let documentation = group.documentation { lines.append(documentation) }
        if group.contextVariables.isEmpty {
            lines.append("unrestricted: no `SyncContext` values")
        } else {
            lines.append("`SyncContext`: " + group.contextVariables
                .map { "`\(Naming.lowerCamelCase($0.name)): \(SwiftScalarTypes.name(of: $0.type))`" }
                .joined(separator: ", "))
        }
        return lines.joined(separator: "\n\n")
    }

    private static func describeVariable(_ name: String, group groupName: String, in analysis: DocumentAnalysis) -> String {
        var lines = ["**`$\(name)`** — a value each download of group `\(groupName)` is given"]
        if let group = analysis.schema.groups.first(where: { $0.name == groupName }),
           let variable = group.contextVariables.first(where: { $0.name == name }) {
            lines.append("`SyncContext.\(Naming.lowerCamelCase(name)): \(SwiftScalarTypes.name(of: variable.type))` (`\(variable.type.carbName)`)")
            let bound = group.entries.compactMap { entry -> String? in
                guard let restriction = entry.restriction, restriction.variable == name else { return nil }
                return "`\(entry.tableName).\(restriction.columnName)`"
            }
            if !bound.isEmpty { lines.append("restricts " + bound.joined(separator: ", ")) }
        }
        return lines.joined(separator: "\n\n")
    }

    // MARK: Types and codes

    static func describeType(_ scalar: ScalarType) -> String {
        "**`\(scalar.carbName)`** → PostgreSQL `\(SQLTypeMapping.sqlType(for: scalar))`, Swift `\(SwiftScalarTypes.name(of: scalar))`"
            + "\n\n`Nullable<\(scalar.carbName)>` drops `NOT NULL` and gives Swift `\(SwiftScalarTypes.name(of: scalar))?`"
    }

    static func explain(_ code: DiagnosticCode) -> String {
        guard let descriptor = DiagnosticCatalogue.all.first(where: { $0.code == code }) else {
            return "**\(code.rawValue)**"
        }
        return """
            **\(code.rawValue)** (\(descriptor.severity.rawValue)): \(descriptor.title)

            Example that triggers it (see Documentation/Diagnostics.md#\(code.rawValue.lowercased())):
            ```carb
            \(descriptor.example)
            ```
            """
    }
}
