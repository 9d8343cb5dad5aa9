/// Why the throwaway server could not be provided.
public struct TestSupportError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
