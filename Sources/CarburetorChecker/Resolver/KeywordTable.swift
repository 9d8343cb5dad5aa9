import CarburetorSchema
import CarburetorSyntax

/// A fixed set of words (type names, attribute names) with what each
/// means, kept in the order given for messages that list them.
struct KeywordTable<Value: Sendable>: Sendable {
    /// The keywords in the order given.
    let spellings: [String]
    private let values: [String: Value]

    init(_ keywords: [(spelling: String, value: Value)]) {
        spellings = keywords.map(\.spelling)
        values = Dictionary(keywords.map { ($0.spelling, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    func value(for name: String) -> Value? {
        values[name]
    }
}
