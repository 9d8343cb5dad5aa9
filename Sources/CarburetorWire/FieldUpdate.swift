/// One column of a changeset: leave it as it is, or set it to a value. For a
/// nullable column `Value` is an `Optional`, so `.set(nil)` clears the column
/// while `.unchanged` leaves it alone.
///
/// On the wire an unchanged field is absent from the object and a set field is
/// present with its value (`null` for `.set(nil)`); generated changesets code
/// this with `encodeFieldUpdate` / `decodeFieldUpdate`.
public enum FieldUpdate<Value: Sendable & Hashable>: Sendable, Hashable {
    case unchanged
    case set(Value)

    /// The new value, or `nil` when unchanged.
    public var newValue: Value? {
        if case .set(let value) = self { return value }
        return nil
    }

    public var isUnchanged: Bool { self == .unchanged }
}
