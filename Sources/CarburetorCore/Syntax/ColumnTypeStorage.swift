/// How a `ColumnSyntax` keeps its `TypeSyntax?`: the usual shapes inline.
///
/// `TypeSyntax.generic` is `indirect`, so every `Nullable<Text>` built as a
/// `TypeSyntax` costs a heap box, allocated while parsing and freed once the
/// resolver has read the table: one for a quarter of a large config's
/// columns. A generic type whose argument is a plain name, as
/// `Nullable<Text>`, is kept here without one; only the shapes the resolver
/// reports as mistakes (`Nullable<>`, `Nullable<Nullable<Text>>`) are boxed.
///
/// Each `TypeSyntax?` has exactly one storage, so comparing storages
/// compares the types.
enum ColumnTypeStorage: Hashable, Sendable {
    /// No `-> Type`, or a type too broken to keep.
    case missing
    case named(Identifier)
    /// `Name<Argument>` with a plain argument.
    case generic(PlainGenericType)
    /// Any other generic type, as written.
    case other(ValueBox<TypeSyntax>)

    init(_ type: TypeSyntax?) {
        switch type {
        case nil: self = .missing
        case .named(let name)?: self = .named(name)
        case .generic(let name, .named(let argument)?, let range)?:
            if let plain = PlainGenericType(name, argument: argument, range: range) {
                self = .generic(plain)
            } else {
                self = .other(ValueBox(.generic(name, argument: .named(argument), range: range)))
            }
        case let type?: self = .other(ValueBox(type))
        }
    }

    /// The type as the public syntax tree spells it.
    var syntax: TypeSyntax? {
        switch self {
        case .missing: nil
        case .named(let name): .named(name)
        case .generic(let plain): .generic(plain.name, argument: .named(plain.argument), range: plain.range)
        case .other(let box): box.value
        }
    }

    /// `syntax?.range`, without building the syntax.
    var range: SourceRange? {
        switch self {
        case .missing: nil
        case .named(let name): name.range
        case .generic(let plain): plain.range
        case .other(let box): box.value.range
        }
    }
}

/// `Name<Argument>` with its offsets in 32 bits: a `ColumnSyntax` small
/// enough to be moved in registers rather than through `memcpy` (at 152
/// bytes each column cost six `memcpy` calls on its way into its table).
struct PlainGenericType: Hashable, Sendable {
    let nameText: String
    let argumentText: String
    private let nameStart, nameEnd, argumentStart, argumentEnd, end: UInt32

    /// `nil` when an offset does not fit in 32 bits (a file over 4 GB).
    init?(_ name: Identifier, argument: Identifier, range: SourceRange) {
        guard let nameStart = UInt32(exactly: name.range.start), let nameEnd = UInt32(exactly: name.range.end),
              let argumentStart = UInt32(exactly: argument.range.start),
              let argumentEnd = UInt32(exactly: argument.range.end), let end = UInt32(exactly: range.end),
              range.start == name.range.start else { return nil }
        nameText = name.text
        argumentText = argument.text
        (self.nameStart, self.nameEnd, self.argumentStart, self.argumentEnd, self.end) =
            (nameStart, nameEnd, argumentStart, argumentEnd, end)
    }

    var name: Identifier {
        Identifier(nameText, range: SourceRange(start: Int(nameStart), end: Int(nameEnd)))
    }

    var argument: Identifier {
        Identifier(argumentText, range: SourceRange(start: Int(argumentStart), end: Int(argumentEnd)))
    }

    var range: SourceRange { SourceRange(start: Int(nameStart), end: Int(end)) }
}
