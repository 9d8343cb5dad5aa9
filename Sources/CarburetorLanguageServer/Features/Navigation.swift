import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Go to definition, find references, highlights.
enum Navigation {
    static func definition(in analysis: DocumentAnalysis, uri: String, at position: Position) -> [Location]? {
        guard let occurrence = analysis.occurrence(at: analysis.lines.offset(of: position)) else { return nil }
        let targets = declarations(of: occurrence.symbol, in: analysis)
        guard !targets.isEmpty else { return nil }
        return targets.map { Location(uri: uri, range: analysis.lines.range(of: $0)) }
    }

    /// Where a symbol is declared: a table's or column's name, a group's name,
    /// a variable's first use in its group. A synthesized column leads to its table.
    static func declarations(of symbol: Symbol, in analysis: DocumentAnalysis) -> [SourceRange] {
        switch symbol {
        case .table, .group:
            return analysis.occurrences(of: symbol).filter(\.isDeclaration).map(\.range)
        case .column(let table, _):
            let declared = analysis.occurrences(of: symbol).filter(\.isDeclaration).map(\.range)
            if !declared.isEmpty { return declared }
            return analysis.occurrences(of: .table(table)).filter(\.isDeclaration).map(\.range)
        case .variable:
            return analysis.occurrences(of: symbol).prefix(1).map(\.range)
        case .type, .attribute, .argument, .keyword:
            return []
        }
    }

    static func references(in analysis: DocumentAnalysis, uri: String, at position: Position,
                           includeDeclaration: Bool) -> [Location]? {
        guard let occurrence = analysis.occurrence(at: analysis.lines.offset(of: position)),
              isNavigable(occurrence.symbol) else { return nil }
        return analysis.occurrences(of: occurrence.symbol)
            .filter { includeDeclaration || !$0.isDeclaration }
            .map { Location(uri: uri, range: analysis.lines.range(of: $0.range)) }
    }

    struct Highlight: Codable {
        var range: LSPRange
        /// 1 text, 2 read, 3 write.
        var kind: Int
    }

    static func highlights(in analysis: DocumentAnalysis, at position: Position) -> [Highlight]? {
        guard let occurrence = analysis.occurrence(at: analysis.lines.offset(of: position)),
              isNavigable(occurrence.symbol) else { return nil }
        return analysis.occurrences(of: occurrence.symbol).map {
            Highlight(range: analysis.lines.range(of: $0.range), kind: $0.isDeclaration ? 3 : 2)
        }
    }

    static func isNavigable(_ symbol: Symbol) -> Bool {
        switch symbol {
        case .table, .column, .group, .variable: true
        case .type, .attribute, .argument, .keyword: false
        }
    }
}
