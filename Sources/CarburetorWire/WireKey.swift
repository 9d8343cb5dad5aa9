/// A JSON object key written as a string literal, so generated models name
/// their snake_case wire keys directly instead of declaring a `CodingKeys`
/// enum whose case names could clash with Swift keywords.
public struct WireKey: CodingKey, Sendable, Hashable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ name: String) { stringValue = name }
    public init(stringLiteral name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
