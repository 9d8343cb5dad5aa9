import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// What a name in the source refers to.
enum Symbol: Hashable {
    case table(String)
    case column(table: String, column: String)
    case group(String)
    case variable(group: String, name: String)
    case type(String)
    case attribute(String)
    /// `plural`, `restrict_to`, `restrict_to_column`, `sql`, …
    case argument(String)
    case keyword(String)
}

/// One name in the source and what it refers to.
struct Occurrence: Hashable {
    var range: SourceRange
    var symbol: Symbol
    var isDeclaration: Bool
}

/// Every name of a syntax tree, in source order.
enum OccurrenceCollector {
    static func collect(_ syntax: ConfigSyntax) -> [Occurrence] {
        var result: [Occurrence] = []
        for block in syntax.blocks {
            if block.kind != .unknown {
                result.append(Occurrence(range: block.keyword.range, symbol: .keyword(block.keyword.text),
                                         isDeclaration: false))
            }
            for table in block.tables { collect(table, into: &result) }
            for group in block.groups { collect(group, into: &result) }
        }
        // A name the parser found missing has an empty range: nothing to point at.
        return result.filter { !$0.range.isEmpty }.sorted { $0.range < $1.range }
    }

    private static func collect(_ table: TableSyntax, into result: inout [Occurrence]) {
        for attribute in table.attributes { collect(attribute, into: &result) }
        result.append(Occurrence(range: table.name.range, symbol: .table(table.name.text), isDeclaration: true))
        for argument in table.arguments ?? [] {
            result.append(Occurrence(range: argument.name.range, symbol: .argument(argument.name.text),
                                     isDeclaration: false))
        }
        for column in table.columns {
            for attribute in column.attributes { collect(attribute, into: &result) }
            result.append(Occurrence(range: column.name.range,
                                     symbol: .column(table: table.name.text, column: column.name.text),
                                     isDeclaration: true))
            if let type = column.type { collect(type, into: &result) }
        }
    }

    private static func collect(_ attribute: AttributeSyntax, into result: inout [Occurrence]) {
        result.append(Occurrence(range: attribute.name.range, symbol: .attribute(attribute.name.text),
                                 isDeclaration: false))
        if let argument = attribute.defaultArgument, attribute.name.text == "default" {
            result.append(Occurrence(range: argument.kind.range, symbol: .argument(argument.kind.text),
                                     isDeclaration: false))
        }
    }

    private static func collect(_ type: TypeSyntax, into result: inout [Occurrence]) {
        result.append(Occurrence(range: type.name.range, symbol: .type(type.name.text), isDeclaration: false))
        if case .generic(_, let argument?, _) = type { collect(argument, into: &result) }
    }

    private static func collect(_ group: GroupSyntax, into result: inout [Occurrence]) {
        result.append(Occurrence(range: group.name.range, symbol: .group(group.name.text), isDeclaration: true))
        for entry in group.entries {
            result.append(Occurrence(range: entry.table.range, symbol: .table(entry.table.text),
                                     isDeclaration: false))
            for argument in entry.arguments ?? [] {
                result.append(Occurrence(range: argument.name.range, symbol: .argument(argument.name.text),
                                         isDeclaration: false))
                switch argument.value {
                case .identifier(let column)? where argument.name.text == "restrict_to_column":
                    result.append(Occurrence(range: column.range,
                                             symbol: .column(table: entry.table.text, column: column.text),
                                             isDeclaration: false))
                case .variable(let variable, let dollar)?:
                    result.append(Occurrence(range: dollar.union(variable.range),
                                             symbol: .variable(group: group.name.text, name: variable.text),
                                             isDeclaration: false))
                default:
                    break
                }
            }
        }
    }
}
