import CLibPQ

/// The settings a connection string spells out, as libpq reads them.
///
/// Lets callers rewrite one setting (say, the database name) of a URL or
/// key=value string they were handed without parsing either format
/// themselves, and build a new string from the result.
public struct ConnectionOptions: Sendable, Hashable {
    /// Keyword → value for every setting present in the string (libpq
    /// keywords: `host`, `port`, `user`, `password`, `dbname`, …).
    public var values: [String: String]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses a URL or key=value string; the error never contains the password.
    public init(parsing connectionString: String) throws(PostgresError) {
        var values: [String: String] = [:]
        for (keyword, value) in try ConnectionString.parameters(of: connectionString) { values[keyword] = value }
        self.values = values
    }

    public subscript(keyword: String) -> String? {
        get { values[keyword] }
        set { values[keyword] = newValue }
    }

    /// A key=value string with every value quoted, keywords sorted so the
    /// text is deterministic.
    public var keywordValueString: String {
        values.keys.sorted().map { key in
            let escaped = values[key]!.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
            return "\(key)='\(escaped)'"
        }.joined(separator: " ")
    }
}
