/// Collects the set columns of a generated `Upload` in PostgreSQL's text form.
public struct UploadValues: Sendable {
    public private(set) var byColumn: [String: String?] = [:]

    public init() {}

    /// A column of a NOT NULL type: absent when unchanged.
    public mutating func add<Value: PostgresTextRepresentable>(_ column: String, _ update: FieldUpdate<Value>) {
        if case .set(let value) = update { byColumn.updateValue(value.postgresText, forKey: column) }
    }

    /// A nullable column: absent when unchanged, `nil` (NULL) for `.set(nil)`.
    public mutating func add<Value: PostgresTextRepresentable>(_ column: String, _ update: FieldUpdate<Value?>) {
        if case .set(let value) = update { byColumn.updateValue(value?.postgresText, forKey: column) }
    }
}
