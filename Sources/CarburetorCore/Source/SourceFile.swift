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
        let bytes = Array(text.utf8)
        self.init(name: name, validUTF8: bytes, newlines: SourceFile.scan(bytes).newlines)
    }

    /// Reads bytes that may not be valid UTF-8; invalid sequences become U+FFFD
    /// so the lexer can report them instead of the program crashing.
    public init(name: String, bytes: [UInt8]) {
        let scan = SourceFile.scan(bytes)
        if scan.isASCII || SourceFile.isValidUTF8(bytes) {
            self.init(name: name, validUTF8: bytes, newlines: scan.newlines)
        } else {
            self.init(name: name, text: String(decoding: bytes, as: UTF8.self))
        }
    }

    private init(name: String, validUTF8 bytes: [UInt8], newlines: Int) {
        self.name = name
        self.utf8 = bytes
        // Counted first (by `scan`) so the array is allocated once, at its final size.
        lineStarts = bytes.withUnsafeBufferPointer { buffer in
            Array(unsafeUninitializedCapacity: newlines + 1) { starts, initialized in
                starts[0] = 0
                initialized = 1
                SourceFile.forEachNewline(in: buffer) { offset in
                    starts[initialized] = offset + 1
                    initialized += 1
                }
            }
        }
    }

    // The scans below read eight bytes at a time: over a large file they are
    // a noticeable part of `check` when done byte by byte.

    /// How many newlines the bytes hold, and whether all are ASCII (then they
    /// are valid UTF-8 without decoding).
    private static func scan(_ bytes: [UInt8]) -> (newlines: Int, isASCII: Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            var newlines = 0
            var combined: UInt64 = 0
            let words = buffer.count / 8
            let raw = UnsafeRawPointer(buffer.baseAddress)
            for word in 0..<words {
                let value = raw!.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
                combined |= value
                newlines += newlineBytes(in: value).nonzeroBitCount
            }
            for offset in (words * 8)..<buffer.count {
                combined |= UInt64(buffer[offset])
                if buffer[offset] == UInt8(ascii: "\n") { newlines += 1 }
            }
            return (newlines, combined & 0x8080_8080_8080_8080 == 0)
        }
    }

    /// Calls `body` with the offset of each `\n`, in order.
    private static func forEachNewline(in buffer: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        let words = buffer.count / 8
        let raw = UnsafeRawPointer(buffer.baseAddress)
        for word in 0..<words {
            var found = newlineBytes(in: raw!.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
            while found != 0 {
                body(word * 8 + found.trailingZeroBitCount / 8)
                found &= found - 1
            }
        }
        for offset in (words * 8)..<buffer.count where buffer[offset] == UInt8(ascii: "\n") {
            body(offset)
        }
    }

    /// The high bit of each byte of `word` (read little-endian) that is a
    /// `\n`, and no other bit. Exact: no carry crosses from one byte to the next.
    private static func newlineBytes(in word: UInt64) -> UInt64 {
        let lowSeven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ 0x0A0A_0A0A_0A0A_0A0A  // zero bytes where the newlines are
        return ~(((difference & lowSeven) &+ lowSeven) | difference | lowSeven)
    }

    /// Whether `bytes` decode without replacement.
    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
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
