import CarburetorSchema
import CarburetorSyntax

// Column types: names, aliases, deprecated spellings and `Nullable<T>`.

extension Resolver {
    /// Every spelling of a scalar type the language accepts.
    static let scalarSpellings = KeywordTable(
        ScalarType.allCases.map { ($0.carbName, $0) } + [("Boolean", .bool), ("Binary", .bytea)])

    static let sortedScalarSpellings = scalarSpellings.spellings.sorted()

    /// Sequence types: accepted as their integer type, with a warning.
    static let serialSpellings = KeywordTable<ScalarType>([("Serial", .integer), ("BigSerial", .bigInt)])

    /// Names from other languages and databases, mapped to ours so that a
    /// Swift or SQL habit still gets a useful "did you mean".
    static let familiarTypeNames: [String: ScalarType] = [
        "string": .text, "str": .text, "varchar": .text, "char": .text,
        "int": .integer, "int4": .integer, "int32": .integer, "i32": .integer,
        "int8": .bigInt, "int64": .bigInt, "i64": .bigInt, "long": .bigInt,
        "int2": .smallInt, "int16": .smallInt, "i16": .smallInt, "short": .smallInt,
        "decimal": .numeric, "real": .float, "float4": .float, "f32": .float,
        "float8": .double, "f64": .double, "datetime": .timestamptz, "timestampz": .timestamptz,
        "data": .bytea, "blob": .bytea, "bytes": .bytea,
    ]

    static let knownTypesList =
        ScalarType.allCases.map(\.carbName).joined(separator: ", ") + ", and Nullable<T>"

    /// The column type, or `nil` when it is missing (the parser reported
    /// that) or unusable (reported here). Callers skip checks that need the
    /// type when it is `nil`, so one mistake gives one error.
    mutating func resolveType(_ syntax: TypeSyntax?) -> ColumnType? {
        guard let syntax else { return nil }
        switch syntax {
        case .named(let name):
            if name.text == "Nullable" {
                diagnostics.error(
                    .nullableWithoutArgument, "'Nullable' needs the type it makes optional",
                    at: name.range, help: "write Nullable<T>, for example Nullable<Text>")
                return nil
            }
            return resolveScalar(name).map { ColumnType($0) }

        case .generic(let name, let argument, let range):
            guard name.text == "Nullable" else {
                reportUnexpectedTypeArgument(name: name, argument: argument, range: range)
                if let scalar = Self.scalarSpellings.value(for: name.text) { return ColumnType(scalar) }
                return nil
            }
            // `Nullable<>`: the parser reported the missing type.
            guard let argument else { return nil }
            if case .generic(let innerName, _, _) = argument, innerName.text == "Nullable" {
                diagnostics.error(
                    .nestedNullable, "'Nullable<Nullable<…>>' is not allowed", at: range,
                    help: "a column is either nullable or not; write Nullable once",
                    fixIts: [FixIt(replace: range, with: file.text(in: argument.range))])
                return resolveType(argument)
            }
            guard case .named(let inner) = argument else {
                return resolveType(argument).map { ColumnType($0.scalar, nullable: true) }
            }
            if inner.text == "Nullable" {
                // `Nullable<Nullable>`: report the inner one only.
                return resolveType(argument)
            }
            return resolveScalar(inner).map { ColumnType($0, nullable: true) }
        }
    }

    private mutating func resolveScalar(_ name: Identifier) -> ScalarType? {
        if let scalar = Self.scalarSpellings.value(for: name.text) { return scalar }
        if let scalar = Self.serialSpellings.value(for: name.text) {
            diagnostics.warning(
                .serialType,
                "'\(name.text)' is accepted as '\(scalar.carbName)'; sequences do not fit sync",
                at: name.range,
                help: "sync ids are client-generated text; write \(scalar.carbName)",
                fixIts: [FixIt(replace: name.range, with: scalar.carbName)])
            return scalar
        }
        let suggestion = Self.familiarTypeNames[name.text.lowercased()]?.carbName
            ?? Suggestions.nearest(to: name.text, among: Self.sortedScalarSpellings,
                                   budget: &suggestionBudget)
        diagnostics.error(
            .unknownType, "unknown type '\(name.text)'", at: name.range,
            notes: [DiagnosticNote("known types: \(Self.knownTypesList)")],
            help: Self.didYouMean(suggestion),
            fixIts: Self.replacement(name.range, with: suggestion))
        return nil
    }

    private mutating func reportUnexpectedTypeArgument(name: Identifier, argument: TypeSyntax?,
                                                       range: SourceRange) {
        if Self.scalarSpellings.value(for: name.text) != nil || Self.serialSpellings.value(for: name.text) != nil {
            diagnostics.error(
                .unexpectedTypeArgument, "type '\(name.text)' takes no type argument", at: range,
                help: "only Nullable<T> takes a type argument",
                fixIts: [FixIt(replace: range, with: name.text)])
            return
        }
        let looksLikeOption = ["option", "optional"].contains(name.text.lowercased())
        var fixIts: [FixIt] = []
        if looksLikeOption { fixIts = [FixIt(replace: name.range, with: "Nullable")] }
        diagnostics.error(
            .unexpectedTypeArgument, "unknown generic type '\(name.text)'", at: range,
            notes: [DiagnosticNote("known types: \(Self.knownTypesList)")],
            help: looksLikeOption ? "did you mean 'Nullable'?" : "only Nullable<T> takes a type argument",
            fixIts: fixIts)
    }
}
