/// One `.carb` input: its display name (a path, or `<stdin>`) and its bytes.
///
/// The lexer works on `utf8` directly; line starts are computed once so that
/// turning an offset into a line and column is a binary search. Only the
/// bytes are stored (valid UTF-8 always): `text` is decoded on demand, so a
/// large file is held once, not twice.
public struct SourceFile: Sendable, Hashable {
    public let name: String
    public let utf8: [UInt8]
    /// Byte offset at which each line begins; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// The whole text (decoded from `utf8` on each use).
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    public init(name: String, text: String) {
        self.init(name: name, validUTF8: Array(text.utf8))
    }

    /// Reads bytes that may not be valid UTF-8; invalid sequences become U+FFFD
    /// so the lexer can report them instead of the program crashing.
    public init(name: String, bytes: [UInt8]) {
        if SourceFile.isValidUTF8(bytes) {
            self.init(name: name, validUTF8: bytes)
        } else {
            self.init(name: name, validUTF8: Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
    }

    private init(name: String, validUTF8 bytes: [UInt8]) {
        self.name = name
        self.utf8 = bytes
        var starts: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            // Counted first so the array is allocated once, at its final size.
            var newlines = 0
            for byte in buffer where byte == UInt8(ascii: "\n") { newlines += 1 }
            starts.reserveCapacity(newlines + 1)
            starts.append(0)
            for offset in buffer.indices where buffer[offset] == UInt8(ascii: "\n") {
                starts.append(offset + 1)
            }
        }
        self.lineStarts = starts
    }

    /// Whether `bytes` decode without replacement (all ASCII is checked first, cheaply).
    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        let allASCII = bytes.withUnsafeBufferPointer { buffer in
            var combined: UInt8 = 0
            for byte in buffer { combined |= byte }
            return combined < 0x80
        }
        if allASCII { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// 0-based index of the line containing `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, utf8.count))
        let line = lineIndex(of: clamped)
        var column = 1
        var index = lineStarts[line]
        while index < clamped {
            // Count only the lead bytes of UTF-8 sequences.
            if utf8[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The text of a 0-based line, without its line terminator.
    public func lineText(_ lineIndex: Int) -> String {
        guard lineIndex >= 0, lineIndex < lineStarts.count else { return "" }
        let start = lineStarts[lineIndex]
        var end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text a range covers.
    public func text(in range: SourceRange) -> String {
        let start = max(0, min(range.start, utf8.count))
        let end = max(start, min(range.end, utf8.count))
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
