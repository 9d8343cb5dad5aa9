import Dispatch

/// One `.carb` input: its display name (a path, or `<stdin>`) and its bytes.
///
/// The lexer works on `utf8` directly. Line starts are found on first use
/// (a diagnostic to render, a block's indentation), not when the file is
/// read: a clean `check` of a large config never needs them. Only the bytes
/// are stored (valid UTF-8 always): `text` is decoded on demand, so a large
/// file is held once, not twice.
public struct SourceFile: Sendable, Hashable {
    public let name: String
    public let utf8: [UInt8]
    private let lineTable = LineStartTable()

    /// Byte offset at which each line begins; `lineStarts[0] == 0`.
    public var lineStarts: [Int] { lineTable.starts(of: utf8) }

    /// The whole text (decoded from `utf8` on each use).
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    public init(name: String, text: String) {
        self.init(name: name, validUTF8: Array(text.utf8))
    }

    /// Reads bytes that may not be valid UTF-8; invalid sequences become U+FFFD
    /// so the lexer can report them instead of the program crashing.
    public init(name: String, bytes: [UInt8]) {
        if SourceFile.isASCII(bytes) || SourceFile.isValidUTF8(bytes) {
            self.init(name: name, validUTF8: bytes)
        } else {
            self.init(name: name, text: String(decoding: bytes, as: UTF8.self))
        }
    }

    private init(name: String, validUTF8 bytes: [UInt8]) {
        self.name = name
        self.utf8 = bytes
    }

    // The line table is derived from the bytes, so it takes no part in equality.
    public static func == (left: SourceFile, right: SourceFile) -> Bool {
        left.name == right.name && left.utf8 == right.utf8
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(utf8)
    }

    /// Byte offsets of line starts, counted first so that the array is
    /// allocated once, at its final size.
    fileprivate static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var newlines = 0
            forEachNewline(in: buffer) { _ in newlines += 1 }
            return Array(unsafeUninitializedCapacity: newlines + 1) { starts, initialized in
                starts[0] = 0
                initialized = 1
                forEachNewline(in: buffer) { offset in
                    starts[initialized] = offset + 1
                    initialized += 1
                }
            }
        }
    }

    // The scans below read eight bytes at a time: over a large file they are
    // a noticeable part of `check` when done byte by byte.

    /// Whether every byte is ASCII (then the bytes are valid UTF-8 without decoding).
    private static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var combined: UInt64 = 0
            let words = buffer.count / 8
            let raw = UnsafeRawPointer(buffer.baseAddress)
            for word in 0..<words {
                combined |= raw!.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
            }
            for offset in (words * 8)..<buffer.count {
                combined |= UInt64(buffer[offset])
            }
            return combined & 0x8080_8080_8080_8080 == 0
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
        let lineStarts = lineStarts
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Offset of the start of the line containing `offset`. Found by looking
    /// back a little first: a clean parse asks only for the lines of its
    /// block keywords and should not compute every line start for that; a
    /// long line (where looking back could cost as much as the whole file,
    /// many times over) is found in the line table.
    package func lineStart(containing offset: Int) -> Int {
        let clamped = max(0, min(offset, utf8.count))
        let lookBackLimit = 256
        var start = clamped
        while start > 0, clamped - start < lookBackLimit {
            if utf8[start - 1] == UInt8(ascii: "\n") { return start }
            start -= 1
        }
        if start == 0 { return 0 }
        return lineStarts[lineIndex(of: clamped)]
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
        let lineStarts = lineStarts
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

/// The line starts of one file, computed by the first caller that needs them
/// and shared by every copy of the file (and every thread that reads it).
private final class LineStartTable: @unchecked Sendable {
    /// Guards `cached`. A Dispatch semaphore rather than `Mutex`, which
    /// needs macOS 15 (the package supports macOS 14).
    private let lock = DispatchSemaphore(value: 1)
    private var cached: [Int]?

    func starts(of bytes: [UInt8]) -> [Int] {
        lock.wait()
        defer { lock.signal() }
        if let cached { return cached }
        let computed = SourceFile.computeLineStarts(bytes)
        cached = computed
        return computed
    }
}
