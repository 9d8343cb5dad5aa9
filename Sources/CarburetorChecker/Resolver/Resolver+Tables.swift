import CarburetorSchema
import CarburetorSyntax

// Tables: names, plurals and the clashes between tables.

extension Resolver {
    /// Resolves one table and adds it to the schema being built; a table
    /// whose name was already declared is checked but left out.
    mutating func resolveTable(_ syntax: TableSyntax) {
        let name = syntax.name
        let plural = resolvePlural(of: syntax)
        let (columns, untypedColumns) = resolveColumns(of: syntax)
        guard claimNames(of: syntax, plural: plural) else { return }
        tableDirectory.setUntypedColumns(untypedColumns, of: tables.count)
        tables.append(Table(
            name: name.text, plural: plural.text, pluralIsDefault: plural.isDefault,
            documentation: Self.documentation(syntax.docs), columns: columns,
            renamedFrom: resolveTableAttributes(syntax.attributes), range: name.range))
    }

    /// Claims the table's name, plural and Swift type name for the next
    /// table of the schema, reporting those another table has; false when
    /// the name itself is taken (the table is then left out).
    private mutating func claimNames(of syntax: TableSyntax,
                                     plural: (text: String, isDefault: Bool, range: SourceRange)) -> Bool {
        let name = syntax.name
        if let first = tableDirectory.claimName(name.text, in: tables) {
            diagnostics.error(
                .duplicateTable, "table '\(name.text)' is declared twice", at: name.range,
                notes: [DiagnosticNote("first declared here", at: tables[first].range)],
                help: "rename one of the tables or merge their columns")
            return false
        }

        if let owner = tableDirectory.claimPlural(plural.text, at: plural.range, in: tables) {
            let ownerName = tables[owner.table].name
            diagnostics.error(
                .duplicatePlural,
                "tables '\(ownerName)' and '\(name.text)' have the same plural '\(plural.text)'",
                at: plural.range,
                notes: [DiagnosticNote("'\(ownerName)' uses the plural '\(plural.text)' here", at: owner.range)],
                help: "the plural is the PostgreSQL table name; give one of them another plural = \"…\"")
        }

        if let owner = tableDirectory.claimSwiftTypeName(of: name.text, in: tables) {
            let ownerName = tables[owner].name
            let swiftName = SwiftNames.typeName(name.text)
            diagnostics.error(
                .swiftNameClash,
                "tables '\(ownerName)' and '\(name.text)' both become the Swift type '\(swiftName)'",
                at: name.range,
                notes: [DiagnosticNote("'\(ownerName)' declared here", at: tables[owner].range)],
                help: "rename one of the tables")
        }
        return true
    }

    /// The plural of a table and where it comes from (the string, or the
    /// table name for a default plural).
    mutating func resolvePlural(of syntax: TableSyntax) -> (text: String, isDefault: Bool, range: SourceRange) {
        var written: (text: String, range: SourceRange)?
        // Only `plural` arguments get past the name check.
        var firstPlural: SourceRange?

        for argument in syntax.arguments ?? [] {
            let argumentName = argument.name
            guard argumentName.text == "plural" else {
                let suggestion = Suggestions.nearest(to: argumentName.text, among: ["plural"],
                                                     budget: &suggestionBudget)
                diagnostics.error(
                    .unknownTableArgument, "unknown table argument '\(argumentName.text)'",
                    at: argumentName.range,
                    help: Self.didYouMean(suggestion) ?? "a table takes only plural = \"…\"",
                    fixIts: Self.replacement(argumentName.range, with: suggestion))
                continue
            }
            if let first = firstPlural {
                diagnostics.error(
                    .duplicateArgument, "argument 'plural' is given twice", at: argument.range,
                    notes: [DiagnosticNote("first given here", at: first)],
                    help: "remove one of them")
                continue
            }
            firstPlural = argument.range
            // A missing value was already reported by the parser.
            guard let value = argument.value else { continue }
            switch value {
            case .string(let literal):
                if Self.isIdentifier(literal.value) {
                    written = (literal.value, literal.range)
                } else {
                    diagnostics.error(
                        .pluralNotIdentifier,
                        "plural \"\(literal.value)\" is not a valid identifier", at: literal.range,
                        help: "a plural is a PostgreSQL table name: letters, digits and '_', not starting with a digit")
                }
            case .identifier(let identifier):
                diagnostics.error(
                    .pluralNotString, "plural must be a string", at: identifier.range,
                    help: "put the plural in quotes: plural = \"\(identifier.text)\"",
                    fixIts: [FixIt(replace: identifier.range, with: "\"\(identifier.text)\"")])
            case .variable, .number:
                diagnostics.error(
                    .pluralNotString, "plural must be a string", at: value.range,
                    help: "write plural = \"…\"")
            }
        }

        let plural: (text: String, isDefault: Bool, range: SourceRange)
        if let written {
            plural = (written.text, false, written.range)
        } else {
            plural = (Pluralization.defaultPlural(of: syntax.name.text), true, syntax.name.range)
            if firstPlural == nil { checkDefaultPlural(of: syntax) }
        }
        if plural.text.utf8.count > Self.maximumIdentifierBytes {
            diagnostics.error(
                .nameTooLong,
                "plural '\(Parser.abbreviated(plural.text, limit: 70))' is \(plural.text.utf8.count) bytes long; PostgreSQL allows \(Self.maximumIdentifierBytes)",
                at: plural.range,
                help: plural.isDefault
                    ? "give the table a shorter plural = \"…\" or a shorter name"
                    : "choose a shorter plural")
        }
        return plural
    }

    /// Warns when `name + "s"` is not how English spells the plural, with a
    /// fix-it that writes the plural out.
    private mutating func checkDefaultPlural(of syntax: TableSyntax) {
        let name = syntax.name
        guard Pluralization.defaultPluralMayReadWrong(name.text) else { return }
        let defaultPlural = Pluralization.defaultPlural(of: name.text)
        let english = Pluralization.englishPlural(of: name.text)
        let looksPlural = Pluralization.looksPlural(name.text)
        guard looksPlural || (english != defaultPlural && Self.isIdentifier(english)) else { return }

        let argument = "plural = \"\(looksPlural ? name.text : english)\""
        let fixIt: FixIt
        if let arguments = syntax.arguments, let first = arguments.first {
            fixIt = FixIt(replace: .empty(at: first.range.start), with: argument + ", ")
        } else if syntax.arguments != nil, let open = openingParenthesis(after: name.range.end,
                                                                         before: syntax.bodyRange.start) {
            fixIt = FixIt(replace: .empty(at: open + 1), with: argument)
        } else {
            fixIt = FixIt(replace: .empty(at: name.range.end), with: "(\(argument))")
        }
        if looksPlural {
            diagnostics.warning(
                .implausibleDefaultPlural,
                "the default plural of '\(name.text)' is '\(defaultPlural)'; is '\(name.text)' already plural?",
                at: name.range,
                help: "name the table in the singular, or keep this name as the table's plural: \(name.text)(\(argument))",
                fixIts: [fixIt])
            return
        }
        diagnostics.warning(
            .implausibleDefaultPlural,
            "the default plural of '\(name.text)' is '\(defaultPlural)'; did you mean '\(english)'?",
            at: name.range,
            help: "write the plural: \(name.text)(\(argument))",
            fixIts: [fixIt])
    }

    /// The offset of the first `(` between two offsets (an empty argument
    /// list keeps no range of its own in the tree).
    private func openingParenthesis(after start: Int, before end: Int) -> Int? {
        let bytes = file.utf8
        var offset = max(0, start)
        while offset < min(end, bytes.count) {
            if bytes[offset] == UInt8(ascii: "(") { return offset }
            offset += 1
        }
        return nil
    }
}
