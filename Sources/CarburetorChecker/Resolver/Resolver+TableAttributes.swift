import CarburetorSchema
import CarburetorSyntax

// Attributes on a table: only `#[renamed_from(old_name)]`, which tells the
// migration planner to rename the table instead of dropping and creating it.

extension Resolver {
    /// The table's previous (singular) name, when `#[renamed_from]` gives one.
    mutating func resolveTableAttributes(_ attributes: [AttributeSyntax]) -> String? {
        var renamedFrom: String?
        var first: SourceRange?
        for attribute in attributes {
            guard attribute.name.text == "renamed_from" else {
                diagnostics.error(
                    .unknownAttribute, "attribute '\(attribute.name.text)' does not apply to a table",
                    at: attribute.name.range,
                    notes: [DiagnosticNote("a table takes only #[renamed_from(old_name)]")],
                    help: "move column attributes onto a column, or remove this one",
                    fixIts: [FixIt(replace: attribute.range, with: "")])
                continue
            }
            if let first {
                diagnostics.error(
                    .repeatedAttribute, "attribute #[renamed_from] is given twice", at: attribute.range,
                    notes: [DiagnosticNote("first given here", at: first)],
                    help: "remove the repeated attribute",
                    fixIts: [FixIt(replace: attribute.range, with: "")])
                continue
            }
            first = attribute.range
            if let argument = attribute.defaultArgument, argument.value == nil,
               Self.isIdentifier(argument.kind.text) {
                renamedFrom = argument.kind.text
            } else {
                diagnostics.error(
                    .invalidAttributeArgument, "#[renamed_from] needs the table's previous name",
                    at: attribute.range, help: "write #[renamed_from(old_name)] with the table's previous singular name")
            }
        }
        return renamedFrom
    }
}
