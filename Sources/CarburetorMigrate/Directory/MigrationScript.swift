import CarburetorSQL

/// One SQL statement of a migration.
public struct MigrationStatement: Hashable, Sendable {
    /// Without the trailing `;`.
    public var sql: String
    /// True for statements PostgreSQL refuses inside a transaction block
    /// (`CREATE INDEX CONCURRENTLY`); the file marks them and `apply` runs
    /// them on their own.
    public var runsOutsideTransaction: Bool

    public init(_ sql: String, runsOutsideTransaction: Bool = false) {
        self.sql = sql
        self.runsOutsideTransaction = runsOutsideTransaction
    }
}

/// How `apply` executes one migration file: consecutive ordinary statements
/// form one transaction; a statement marked with the line
/// `-- carburetor:no-transaction` runs alone, outside any transaction.
public enum MigrationScript {
    public static let noTransactionMarker = "-- carburetor:no-transaction"

    /// A run of SQL text `apply` sends in one go.
    public struct Segment: Hashable, Sendable {
        public var sql: String
        public var inTransaction: Bool
    }

    /// The text of an up.sql or down.sql: a header comment (each line kept
    /// on one line, whatever the config's path holds), then each statement
    /// followed by `;` and a blank line.
    public static func render(header: [String], statements: [MigrationStatement]) -> String {
        var text = header.map(SQLComment.line).joined(separator: "\n") + "\n"
        for statement in statements {
            text += "\n"
            if statement.runsOutsideTransaction { text += noTransactionMarker + "\n" }
            text += statement.sql + ";\n"
        }
        return text
    }

    /// Splits a file into segments. A marked statement extends from the
    /// marker to the first line ending with `;`. Segments with nothing but
    /// comments and whitespace are dropped.
    public static func segments(of text: String) -> [Segment] {
        var segments: [Segment] = []
        var current: [Substring] = []
        var inMarked = false
        func flush(inTransaction: Bool) {
            let sql = current.joined(separator: "\n")
            if hasStatements(sql) { segments.append(Segment(sql: sql, inTransaction: inTransaction)) }
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingWhitespace()
            if !inMarked, trimmed == noTransactionMarker {
                flush(inTransaction: true)
                inMarked = true
                continue
            }
            current.append(line)
            if inMarked, trimmed.hasSuffix(";") {
                flush(inTransaction: false)
                inMarked = false
            }
        }
        flush(inTransaction: !inMarked)
        return segments
    }

    public static func hasNonTransactionalStatements(_ text: String) -> Bool {
        segments(of: text).contains { !$0.inTransaction }
    }

    /// True when the text holds something besides comments and whitespace.
    static func hasStatements(_ sql: String) -> Bool {
        sql.split(separator: "\n").contains { line in
            let trimmed = line.trimmingWhitespace()
            return !trimmed.isEmpty && !trimmed.hasPrefix("--")
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
