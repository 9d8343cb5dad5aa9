/// An immutable heap box compared and hashed by its value, for rarely
/// present parts of a value that would otherwise enlarge every instance
/// (an attribute's argument, a column's defaults and documentation). A
/// change makes a new box, so copies never share a change.
package final class ValueBox<Value: Hashable & Sendable>: Hashable, Sendable {
    package let value: Value

    package init(_ value: Value) {
        self.value = value
    }

    package static func == (lhs: ValueBox, rhs: ValueBox) -> Bool {
        lhs.value == rhs.value
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}
