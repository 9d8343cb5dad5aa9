import CarburetorSchema
import CarburetorSyntax

// `#[default(…)]`: its form here; its fit to the column type is checked
// once the type is known (`defaultFits`).

extension Resolver {
    static let defaultKinds = ["sql", "swift", "rust"]
    static let sqlDefaultVariants = ["Now", "Null", "EmptyJson", "Text", "Number"]
    static let defaultForms =
        "write #[default(sql = …)], #[default(sql)] or #[default(swift = \"…\")]"

    /// Reads a default; `nil` when it is malformed (reported here).
    mutating func resolveDefault(_ attribute: AttributeSyntax) -> DefaultSetting? {
        guard let argument = attribute.defaultArgument else {
            diagnostics.error(
                .invalidAttributeArgument, "#[default] needs a value", at: attribute.range,
                help: Self.defaultForms)
            return nil
        }
        switch argument.kind.text {
        case "sql":
            guard let value = argument.value else {
                return .sql(.databaseSupplied, valueRange: argument.range)
            }
            return resolveSQLDefault(value).map { .sql($0, valueRange: value.range) }
        case "swift":
            if case .string(let literal) = argument.value {
                return .swift(literal.value)
            }
            diagnostics.error(
                .invalidAttributeArgument, "a Swift default is an expression in a string",
                at: argument.value?.range ?? argument.range,
                help: "write #[default(swift = \"expression\")]")
            return nil
        case "rust":
            diagnostics.warning(
                .rustDefaultIgnored, "a Rust default is ignored", at: attribute.range,
                help: "a Swift default is written #[default(swift = \"…\")], a database default #[default(sql = …)]")
            return .ignored
        default:
            let suggestion = Suggestions.nearest(to: argument.kind.text, among: Self.defaultKinds,
                                                 budget: &suggestionBudget)
            diagnostics.error(
                .invalidAttributeArgument, "unknown kind of default '\(argument.kind.text)'",
                at: argument.kind.range,
                help: Self.didYouMean(suggestion) ?? Self.defaultForms,
                fixIts: Self.replacement(argument.kind.range, with: suggestion))
            return nil
        }
    }

    private mutating func resolveSQLDefault(_ value: DefaultValueSyntax) -> SQLDefault? {
        switch value {
        case .variant(let name):
            switch name.text {
            case "Now": return .now
            case "Null": return .null
            case "EmptyJson": return .emptyJSON
            case "Text", "Number":
                let example = name.text == "Text" ? "Text(\"…\")" : "Number(0)"
                diagnostics.error(
                    .invalidAttributeArgument, "'\(name.text)' needs a value", at: name.range,
                    help: "write \(example)")
                return nil
            default:
                reportUnknownVariant(name)
                return nil
            }

        case .call(let name, let argument, let range):
            switch name.text {
            case "Text":
                if case .string(let literal) = argument { return .text(literal.value) }
            case "Number":
                if case .number(let literal, _) = argument, Self.isNumberLiteral(literal) {
                    return .number(literal)
                }
                if case .string(let literal) = argument, Self.isNumberLiteral(literal.value) {
                    diagnostics.error(
                        .invalidAttributeArgument, "a number is written without quotes",
                        at: literal.range, help: "write Number(\(literal.value))",
                        fixIts: [FixIt(replace: literal.range, with: literal.value)])
                    return nil
                }
            case "Now", "Null", "EmptyJson":
                diagnostics.error(
                    .invalidAttributeArgument, "'\(name.text)' takes no value", at: range,
                    help: "write \(name.text)",
                    fixIts: [FixIt(replace: range, with: name.text)])
                return nil
            default:
                reportUnknownVariant(name)
                return nil
            }
            let expected = name.text == "Text" ? "a string: Text(\"…\")" : "a number: Number(0)"
            diagnostics.error(
                .invalidAttributeArgument, "'\(name.text)' takes \(expected)", at: argument?.range ?? range,
                help: "write \(name.text == "Text" ? "Text(\"…\")" : "Number(n), for example Number(-1.5)")")
            return nil

        case .string(let literal):
            diagnostics.error(
                .invalidAttributeArgument, "an SQL default is a variant, not a string", at: literal.range,
                help: "write sql = Text(\(file.text(in: literal.range))) for a text value",
                fixIts: [FixIt(replace: literal.range, with: "Text(\(file.text(in: literal.range)))")])
            return nil
        }
    }

    private mutating func reportUnknownVariant(_ name: Identifier) {
        let suggestion = Suggestions.nearest(to: name.text, among: Self.sqlDefaultVariants,
                                             budget: &suggestionBudget)
        diagnostics.error(
            .unknownSQLDefault, "unknown SQL default '\(name.text)'", at: name.range,
            notes: [DiagnosticNote("SQL defaults: Now, Null, EmptyJson, Text(\"…\"), Number(n)")],
            help: Self.didYouMean(suggestion),
            fixIts: Self.replacement(name.range, with: suggestion))
    }

    /// `-?[0-9]+(\.[0-9]+)?`.
    static func isNumberLiteral(_ text: String) -> Bool {
        var digitsInPart = 0
        var sawPoint = false
        for (offset, byte) in text.utf8.enumerated() {
            if byte == UInt8(ascii: "-"), offset == 0 { continue }
            if byte == UInt8(ascii: ".") {
                guard !sawPoint, digitsInPart > 0 else { return false }
                sawPoint = true
                digitsInPart = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            digitsInPart += 1
        }
        return digitsInPart > 0
    }

    /// Whether an SQL default suits a column type, and if not, why.
    static func misfit(of value: SQLDefault, for type: ColumnType) -> String? {
        switch value {
        case .now:
            type.scalar.isTemporal ? nil
                : "'Now' fits only Timestamptz, Timestamp, Date and Time columns (or Nullable of them)"
        case .emptyJSON:
            type.scalar.isJSON ? nil : "'EmptyJson' fits only Jsonb and Json columns (or Nullable of them)"
        case .text:
            type.scalar == .text ? nil : "'Text(…)' fits only Text columns (or Nullable<Text>)"
        case .number:
            type.scalar.isNumeric ? nil
                : "'Number(…)' fits only SmallInt, Integer, BigInt, Float, Double and Numeric columns (or Nullable of them)"
        case .null:
            type.isNullable ? nil : "'Null' fits only Nullable columns"
        case .databaseSupplied:
            nil
        }
    }

    /// The same value in the variant the column type takes, when there is
    /// one: `Text("5")` on a number column is `Number(5)`, and the reverse.
    static func rewrite(of value: SQLDefault, for type: ColumnType) -> String? {
        switch value {
        case .text(let text) where type.scalar.isNumeric && isNumberLiteral(text):
            "Number(\(text))"
        case .number(let literal) where type.scalar == .text:
            "Text(\"\(literal)\")"
        default:
            nil
        }
    }

    /// The spelling of a default in messages.
    static func spelling(of value: SQLDefault) -> String {
        switch value {
        case .now: "Now"
        case .null: "Null"
        case .emptyJSON: "EmptyJson"
        case .text: "Text(…)"
        case .number(let literal): "Number(\(literal))"
        case .databaseSupplied: "sql"
        }
    }
}
