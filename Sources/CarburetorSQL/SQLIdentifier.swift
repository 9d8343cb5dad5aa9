/// PostgreSQL identifiers, always double-quoted.
///
/// Quoting every name (not only reserved words) makes reserved words
/// (`user`, `order`), mixed case and any other character safe, and keeps the
/// name's case exactly as written instead of folding it to lower case.
public enum SQLIdentifier {
    /// PostgreSQL's limit (NAMEDATALEN - 1); longer names are silently cut.
    public static let maximumByteCount = 63

    /// `order` → `"order"`, `say"hi` → `"say""hi"`.
    public static func quote(_ name: String) -> String {
        // Most names hold no quote; `replacing` runs a general substring
        // search, which on a large schema cost the migration planner a
        // quarter of its time.
        guard name.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + name + "\"" }
        return "\"" + SQLLiteral.doubling("\"", in: name) + "\""
    }

    /// `"schema"."name"`, or just `"name"` without a schema.
    public static func qualified(_ name: String, schema: String?) -> String {
        guard let schema else { return quote(name) }
        return quote(schema) + "." + quote(name)
    }
}
