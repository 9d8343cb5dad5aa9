import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Tables with their columns, sync groups with their entries.
enum DocumentSymbols {
    private enum Kind {
        static let namespace = 3
        static let `class` = 5
        static let field = 8
        static let module = 2
        static let key = 20
    }

    static func symbols(in analysis: DocumentAnalysis) -> [DocumentSymbol] {
        var symbols: [DocumentSymbol] = []
        for table in analysis.tableSyntaxes {
            let columns = table.columns.map { column in
                symbol(column.name.text, detail: column.type.map { analysis.file.text(in: $0.range) },
                       kind: Kind.field, range: column.range, name: column.name.range, in: analysis)
            }
            let plural = analysis.table(named: table.name.text)?.plural
            symbols.append(symbol(table.name.text, detail: plural, kind: Kind.class, range: table.range,
                                  name: table.name.range, children: columns, in: analysis))
        }
        for group in analysis.groupSyntaxes {
            let entries = group.entries.map { entry in
                symbol(entry.table.text, detail: nil, kind: Kind.key, range: entry.range, name: entry.table.range,
                       in: analysis)
            }
            symbols.append(symbol(group.name.text, detail: "sync group", kind: Kind.module, range: group.range,
                                  name: group.name.range, children: entries, in: analysis))
        }
        return symbols
    }

    private static func symbol(_ name: String, detail: String?, kind: Int, range: SourceRange, name nameRange: SourceRange,
                               children: [DocumentSymbol]? = nil, in analysis: DocumentAnalysis) -> DocumentSymbol {
        // The protocol wants the name inside the whole range.
        let whole = range.union(nameRange)
        return DocumentSymbol(name: name.isEmpty ? "<missing name>" : name, detail: detail, kind: kind,
                              range: analysis.lines.range(of: whole),
                              selectionRange: analysis.lines.range(of: nameRange), children: children)
    }
}
