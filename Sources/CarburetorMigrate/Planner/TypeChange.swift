import CarburetorSchema

/// How risky changing a column from one type to another is.
enum TypeChange: Equatable {
    /// Every value converts exactly; PostgreSQL casts it implicitly.
    case widening
    /// The reverse of a widening: values may not fit or lose precision.
    case narrowing
    /// Every value converts, but not every value survives as written:
    /// `json` → `jsonb` keeps only the last of duplicate keys and drops
    /// whitespace and key order.
    case lossy
    /// No implicit conversion; the user must give a `USING` expression.
    case needsCast

    static func classify(from old: ScalarType, to new: ScalarType) -> TypeChange {
        if isLossy(from: old, to: new) { return .lossy }
        if isWidening(from: old, to: new) { return .widening }
        if isWidening(from: new, to: old) { return .narrowing }
        return .needsCast
    }

    /// Conversions PostgreSQL does by itself that change what some values
    /// hold: `json` stores its text as written, `jsonb` a parsed form.
    static func isLossy(from old: ScalarType, to new: ScalarType) -> Bool {
        old == .json && new == .jsonb
    }

    /// Widenings: integers to wider integers, numeric or double (exact up to
    /// 2^53, so not from bigint); real to double; date to timestamps; jsonb
    /// to json (every jsonb value prints as the json text it stands for);
    /// anything to text (every value has a text form; the way back is a
    /// narrowing).
    static func isWidening(from old: ScalarType, to new: ScalarType) -> Bool {
        switch (old, new) {
        case (.smallInt, .integer), (.smallInt, .bigInt), (.integer, .bigInt),
             (.smallInt, .numeric), (.integer, .numeric), (.bigInt, .numeric),
             (.smallInt, .double), (.integer, .double), (.smallInt, .float),
             (.float, .double),
             (.date, .timestamp), (.date, .timestamptz),
             (.jsonb, .json):
            return true
        case (_, .text):
            return old != .text
        default:
            return false
        }
    }
}

/// A value of each type used to fill a restored NOT NULL column in a
/// down migration, where the dropped data cannot come back.
enum ZeroValue {
    static func expression(for type: ScalarType) -> String {
        switch type {
        case .text: "''"
        case .smallInt, .integer, .bigInt, .float, .double, .numeric: "0"
        case .bool: "false"
        case .timestamptz, .timestamp: "'epoch'"
        case .date: "'epoch'"
        case .time: "'00:00'"
        case .uuid: "'00000000-0000-0000-0000-000000000000'"
        case .jsonb, .json: "'{}'"
        case .bytea: "''"
        }
    }
}
