/// A half-open range of UTF-8 byte offsets into one `SourceFile`.
///
/// Positions stay compact offsets until a diagnostic is printed; only then are
/// they turned into lines and columns (see `SourceFile.location(of:)`).
public struct SourceRange: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "SourceRange start after end")
        self.start = start
        self.end = end
    }

    /// An empty range at `offset`, used for missing tokens.
    public static func empty(at offset: Int) -> SourceRange {
        SourceRange(start: offset, end: offset)
    }

    public var isEmpty: Bool { start == end }
    public var length: Int { end - start }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// A 1-based line and column. Columns count Unicode scalars, so a marker lines
/// up under the character a user sees in an editor.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
