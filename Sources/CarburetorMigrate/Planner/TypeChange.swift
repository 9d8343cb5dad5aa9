import CarburetorCore

/// How risky changing a column from one type to another is.
enum TypeChange: Equatable {
    /// Every value converts exactly; PostgreSQL casts it implicitly.
    case widening
    /// The reverse of a widening: values may not fit or lose precision.
    case narrowing
    /// No implicit conversion; the user must give a `USING` expression.
    case needsCast

    static func classify(from old: ScalarType, to new: ScalarType) -> TypeChange {
        if isWidening(from: old, to: new) { return .widening }
        if isWidening(from: new, to: old) { return .narrowing }
        return .needsCast
    }

    /// Widenings: integers to wider integers, numeric or double (exact up to
    /// 2^53, so not from bigint); real to double; date to timestamps; json
    /// to jsonb and back (same values); anything to text (every value has a
    /// text form; the way back is a narrowing).
    static func isWidening(from old: ScalarType, to new: ScalarType) -> Bool {
        switch (old, new) {
        case (.smallInt, .integer), (.smallInt, .bigInt), (.integer, .bigInt),
             (.smallInt, .numeric), (.integer, .numeric), (.bigInt, .numeric),
             (.smallInt, .double), (.integer, .double), (.smallInt, .float),
             (.float, .double),
             (.date, .timestamp), (.date, .timestamptz),
             (.json, .jsonb), (.jsonb, .json):
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
