import Foundation
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Completion by where the cursor stands: types after `->` and in
/// `Nullable<`, attributes after `#[` and their arguments, table names in a
/// group, columns after `restrict_to_column =`, `$variables` after `restrict_to =`.
enum Completion {
    static func list(in analysis: DocumentAnalysis, at position: Position) -> CompletionList {
        let offset = analysis.lines.offset(of: position)
        var diagnostics = DiagnosticCollector(keepsNotes: false)
        let tokens = Lexer.tokenize(analysis.file, keepComments: true, diagnostics: &diagnostics)
        let context = CompletionContext(tokens: tokens, offset: offset)
        guard !context.isInLiteral else { return CompletionList(items: []) }
        return CompletionList(items: items(for: context, in: analysis))
    }

    static func items(for context: CompletionContext, in analysis: DocumentAnalysis) -> [CompletionItem] {
        let last = context.last?.kind
        switch context.innermost {
        case nil, .wrapper?:
            return ["tables", "sync_groups"].map {
                CompletionItem(label: $0, kind: CompletionKind.keyword, detail: LanguageWords.blocks[$0],
                               insertText: "\($0) {\n\t$0\n}", insertTextFormat: 2)
            }
        case .tableArguments?:
            guard last == .leftParen || last == .comma else { return [] }
            return [CompletionItem(label: "plural", kind: CompletionKind.property, detail: LanguageWords.arguments["plural"],
                                   insertText: "plural = \"$1\"", insertTextFormat: 2)]
        case .tableBody?:
            if last == .arrow { return typeItems(includingNullable: true) }
            if last == .leftBrace || last == .comma || last == .rightBracket {
                return attributeItems(onTable: false, bracketed: true)
            }
            return []
        case .angle?:
            return last == .leftAngle ? typeItems(includingNullable: false) : []
        case .attribute(nil, let onTable)?:
            return attributeItems(onTable: onTable, bracketed: false)
        case .attributeArguments(let name)? where name == "default":
            if last == .leftParen {
                let forms = [("sql = …", "sql", "sql = ${1:Now}"), ("sql", "sql", "sql"),
                             ("swift = …", "swift", "swift = \"$1\""), ("rust = …", "rust", "rust = \"$1\"")]
                return forms.map {
                    CompletionItem(label: $0.0, kind: CompletionKind.property, detail: LanguageWords.arguments[$0.1],
                                   insertText: $0.2, insertTextFormat: 2, filterText: $0.1)
                }
            }
            if last == .equals, context.secondToLast?.stringValue == "sql" {
                return LanguageWords.sqlDefaultVariants.map {
                    CompletionItem(label: $0.label, kind: CompletionKind.value, detail: $0.detail, insertText: $0.snippet,
                                   insertTextFormat: 2)
                }
            }
            return []
        case .groupBody(let group)?:
            guard last == .leftBrace || last == .comma else { return [] }
            let listed = Set(analysis.groupSyntaxes.first { $0.name.text == group }?.entries.map(\.table.text) ?? [])
            return analysis.schema.tables.map { table in
                CompletionItem(label: table.name, kind: CompletionKind.class,
                               detail: "table \(table.plural)" + (listed.contains(table.name) ? " (already in this group)" : ""),
                               sortText: (listed.contains(table.name) ? "1" : "0") + table.name)
            }
        case .entryArguments(let group, let tableName)?:
            return entryArgumentItems(context: context, group: group, table: tableName, in: analysis)
        default:
            return []
        }
    }

    private static func entryArgumentItems(context: CompletionContext, group: String, table tableName: String,
                                           in analysis: DocumentAnalysis) -> [CompletionItem] {
        let last = context.last?.kind
        if last == .leftParen || last == .comma {
            return [
                CompletionItem(label: "restrict_to", kind: CompletionKind.property, detail: LanguageWords.arguments["restrict_to"],
                               insertText: "restrict_to = \\$${1:user_id}", insertTextFormat: 2),
                CompletionItem(label: "restrict_to_column", kind: CompletionKind.property,
                               detail: LanguageWords.arguments["restrict_to_column"],
                               insertText: "restrict_to_column = ${1:owner_id}", insertTextFormat: 2),
            ]
        }
        let argument = last == .dollar ? context.previous.dropLast(2).last : context.secondToLast
        if last == .equals, argument?.stringValue == "restrict_to_column" {
            guard let table = analysis.table(named: tableName) else { return [] }
            return table.columns.filter { !$0.isClientOnly }.map { column in
                let usable = column.isImmutable || column.role == .id
                return CompletionItem(label: column.name, kind: CompletionKind.field,
                                      detail: column.type.carbSpelling + (usable ? "" : " (mutable: cannot restrict)"),
                                      sortText: (usable ? "0" : "1") + column.name)
            }
        }
        if (last == .equals || last == .dollar), argument?.stringValue == "restrict_to" {
            return variableNames(in: group, analysis: analysis).map { name in
                CompletionItem(label: "$" + name, kind: CompletionKind.variable, detail: "used in this group",
                               insertText: last == .dollar ? name : "$" + name)
            }
        }
        return []
    }

    /// The `$variables` of a group in order of first use, then those of other groups.
    static func variableNames(in group: String, analysis: DocumentAnalysis) -> [String] {
        var names: [String] = []
        let groups = analysis.groupSyntaxes.filter { $0.name.text == group }
            + analysis.groupSyntaxes.filter { $0.name.text != group }
        for syntax in groups {
            for entry in syntax.entries {
                for argument in entry.arguments ?? [] {
                    if case .variable(let name, _)? = argument.value, !names.contains(name.text) {
                        names.append(name.text)
                    }
                }
            }
        }
        return names
    }

    private static func typeItems(includingNullable: Bool) -> [CompletionItem] {
        var items = ScalarType.allCases.map { scalar in
            CompletionItem(label: scalar.carbName, kind: CompletionKind.typeParameter,
                           detail: HoverProvider.describeType(scalar).components(separatedBy: "\n").first)
        }
        if includingNullable {
            items.append(CompletionItem(label: "Nullable<…>", kind: CompletionKind.snippet,
                                        detail: "a nullable column: no NOT NULL, Swift optional",
                                        insertText: "Nullable<${1:Text}>", insertTextFormat: 2))
        }
        return items
    }

    private static func attributeItems(onTable: Bool, bracketed: Bool) -> [CompletionItem] {
        LanguageWords.attributes.filter { !onTable || $0.onTable }.map { attribute in
            CompletionItem(label: bracketed ? "#[\(attribute.name)]" : attribute.name, kind: CompletionKind.keyword,
                           detail: attribute.summary,
                           insertText: bracketed ? "#[\(attribute.snippet)]" : attribute.snippet,
                           insertTextFormat: 2)
        }
    }
}
