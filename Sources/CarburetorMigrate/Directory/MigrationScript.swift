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
        /// The 1-based line of the file where the segment starts, for
        /// messages about what ran and what did not.
        public var line: Int = 1

        public init(sql: String, inTransaction: Bool, line: Int = 1) {
            self.sql = sql
            self.inTransaction = inTransaction
            self.line = line
        }

        /// The segment's first statement, shortened, to name it in messages.
        public var summary: String {
            let first = SQLText.statements(sql).first ?? ""
            let words = first.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return words.count > 72 ? String(words.prefix(69)) + "…" : words
        }
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
    /// comments and whitespace are dropped. Lines end at `\r\n`, `\r` or
    /// `\n` (a file checked out on Windows reads like one from Unix), and a
    /// leading byte-order mark is dropped; the SQL sent joins lines with `\n`.
    public static func segments(of text: String) -> [Segment] {
        var segments: [Segment] = []
        var current: [String] = []
        var firstCodeLine: Int?
        var inMarked = false
        func flush(inTransaction: Bool) {
            let sql = current.joined(separator: "\n")
            if hasStatements(sql) {
                segments.append(Segment(sql: sql, inTransaction: inTransaction, line: firstCodeLine ?? 1))
            }
            current = []
            firstCodeLine = nil
        }
        for (offset, line) in SQLText.lines(text).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if !inMarked, trimmed == noTransactionMarker {
                flush(inTransaction: true)
                inMarked = true
                continue
            }
            current.append(line)
            if firstCodeLine == nil, !trimmed.isEmpty, !trimmed.hasPrefix("--") { firstCodeLine = offset + 1 }
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

    /// Why `apply` must not run this file, or `nil` when the segments carry
    /// every statement of the file exactly (so a migration that runs
    /// nothing is one that holds nothing but comments). A file whose
    /// statements the segments lose or cut differently would otherwise be
    /// recorded as applied without having run.
    public static func coverageProblem(in text: String) -> String? {
        // Line endings as the segments have them (joined with "\n").
        let expected = SQLText.statements(SQLText.lines(text).joined(separator: "\n"))
        let segments = segments(of: text)
        let sent = segments.flatMap { SQLText.statements($0.sql) }
        if sent == expected { return nil }
        if sent.isEmpty {
            return "holds \(expected.count) SQL statement\(expected.count == 1 ? "" : "s") but apply would run none of them"
        }
        return "is split by \(noTransactionMarker) in a way that does not keep its statements whole "
            + "(\(expected.count) statements in the file, \(sent.count) in what apply would send); "
            + "put the marker on its own line right before one complete statement"
    }

    /// True when the text holds something besides comments and whitespace.
    static func hasStatements(_ sql: String) -> Bool {
        SQLText.hasCode(sql)
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
