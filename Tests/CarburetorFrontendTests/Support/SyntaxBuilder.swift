@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Builds syntax trees by hand, giving every node its own distinct range, so
/// resolver tests can say which node a diagnostic points at without parsing.
final class SyntaxBuilder {
    private var offset = 0

    func range(_ length: Int) -> SourceRange {
        defer { offset += length + 1 }
        return SourceRange(start: offset, end: offset + length)
    }

    func identifier(_ text: String) -> Identifier { Identifier(text, range: range(text.utf8.count)) }

    func string(_ value: String) -> StringLiteral { StringLiteral(value, range: range(value.utf8.count + 2)) }

    /// `Text`, `Nullable<Text>`, `Nullable<Nullable<Text>>`, `Vec<Text>`.
    func type(_ spelling: String) -> TypeSyntax {
        guard let open = spelling.firstIndex(of: "<"), spelling.hasSuffix(">") else {
            return .named(identifier(spelling))
        }
        let start = offset
        let name = identifier(String(spelling[..<open]))
        let inner = type(String(spelling[spelling.index(after: open)..<spelling.index(before: spelling.endIndex)]))
        return .generic(name, argument: inner, range: SourceRange(start: start, end: inner.range.end + 1))
    }

    func attribute(_ name: String, parentheses: Bool = false) -> AttributeSyntax {
        let start = offset
        let identifier = identifier(name)
        return AttributeSyntax(name: identifier, defaultArgument: nil, hasParentheses: parentheses,
                               range: SourceRange(start: start, end: identifier.range.end + 1))
    }

    /// `#[default(kind = value)]`; `value` is built by the caller.
    func defaultAttribute(_ kind: String, _ value: ((SyntaxBuilder) -> DefaultValueSyntax)? = nil) -> AttributeSyntax {
        let start = offset
        let name = identifier("default")
        let kindIdentifier = identifier(kind)
        let built = value?(self)
        let argument = DefaultArgumentSyntax(
            kind: kindIdentifier, value: built,
            range: SourceRange(start: kindIdentifier.range.start, end: built?.range.end ?? kindIdentifier.range.end))
        return AttributeSyntax(name: name, defaultArgument: argument, hasParentheses: true,
                               range: SourceRange(start: start, end: argument.range.end + 1))
    }

    func variant(_ name: String) -> DefaultValueSyntax { .variant(identifier(name)) }

    func call(_ name: String, _ argument: ArgumentValueSyntax) -> DefaultValueSyntax {
        let identifier = identifier(name)
        return .call(identifier, argument: argument, range: SourceRange(start: identifier.range.start, end: argument.range.end + 1))
    }

    func number(_ literal: String) -> ArgumentValueSyntax { .number(literal, range: range(literal.utf8.count)) }

    func column(_ name: String, _ type: String, _ attributes: [AttributeSyntax] = [],
                docs: [String] = []) -> ColumnSyntax {
        let start = offset
        let docComments = docs.map { DocComment($0, range: range($0.utf8.count)) }
        let identifier = identifier(name)
        let typeSyntax = self.type(type)
        return ColumnSyntax(docs: docComments, attributes: attributes, name: identifier, type: typeSyntax,
                            range: SourceRange(start: start, end: typeSyntax.range.end))
    }

    func argument(_ name: String, _ makeValue: (SyntaxBuilder) -> ArgumentValueSyntax) -> ArgumentSyntax {
        let identifier = identifier(name)
        let value = makeValue(self)
        return ArgumentSyntax(name: identifier, value: value,
                              range: SourceRange(start: identifier.range.start, end: value.range.end))
    }

    func table(_ name: String, arguments: [ArgumentSyntax]? = nil, docs: [String] = [],
               _ columns: [ColumnSyntax]) -> TableSyntax {
        let docComments = docs.map { DocComment($0, range: range($0.utf8.count)) }
        let identifier = identifier(name)
        let body = range(2)
        return TableSyntax(docs: docComments, name: identifier, arguments: arguments, columns: columns,
                           bodyRange: body, range: SourceRange(start: identifier.range.start, end: body.end))
    }

    func table(_ name: String, plural: String, _ columns: [ColumnSyntax]) -> TableSyntax {
        table(name, arguments: [argument("plural") { .string($0.string(plural)) }], columns)
    }

    func entry(_ table: String, restrictTo variable: String? = nil, column: String? = nil) -> GroupEntrySyntax {
        let name = identifier(table)
        var arguments: [ArgumentSyntax]?
        if let variable, let column {
            arguments = [
                argument("restrict_to") { builder in
                    let dollar = builder.range(1)
                    return .variable(builder.identifier(variable), dollar: dollar)
                },
                argument("restrict_to_column") { .identifier($0.identifier(column)) },
            ]
        }
        return GroupEntrySyntax(table: name, arguments: arguments,
                                range: SourceRange(start: name.range.start, end: arguments?.last?.range.end ?? name.range.end))
    }

    func group(_ name: String, _ entries: [GroupEntrySyntax]) -> GroupSyntax {
        let identifier = identifier(name)
        let body = range(2)
        return GroupSyntax(docs: [], name: identifier, entries: entries, bodyRange: body,
                           range: SourceRange(start: identifier.range.start, end: body.end))
    }

    func config(_ tables: [TableSyntax], groups: [GroupSyntax] = []) -> ConfigSyntax {
        var blocks = [BlockSyntax(kind: .tables, keyword: identifier("tables"), tables: tables, range: range(1))]
        if !groups.isEmpty {
            blocks.append(BlockSyntax(kind: .syncGroups, keyword: identifier("sync_groups"), groups: groups, range: range(1)))
        }
        return ConfigSyntax(macroWrapper: nil, blocks: blocks, range: SourceRange(start: 0, end: offset))
    }

    /// Resolves what was built against a blank file long enough for every range.
    func resolve(_ config: ConfigSyntax) -> (schema: Schema, diagnostics: [Diagnostic]) {
        var collector = DiagnosticCollector()
        let file = SourceFile(name: "built.carb", text: String(repeating: " ", count: offset + 1))
        let schema = Resolver.resolve(config, in: file, diagnostics: &collector)
        return (schema, collector.diagnostics)
    }
}

extension [Diagnostic] {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
    var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    var codes: [DiagnosticCode] { map(\.code) }
    var errorCodes: [DiagnosticCode] { errors.map(\.code) }
}
