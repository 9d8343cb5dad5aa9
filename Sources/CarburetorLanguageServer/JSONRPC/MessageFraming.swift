import Foundation

/// Where the server reads its bytes from (standard input, or a pipe in tests).
public protocol ByteInput: AnyObject {
    /// Some bytes, blocking until at least one is there; empty at end of input.
    func readSome() -> [UInt8]
}

/// Where the server writes its messages to.
public protocol ByteOutput: AnyObject {
    func write(_ bytes: [UInt8])
}

/// A `FileHandle` as input or output. Writes after the reader went away are
/// dropped (the caller ignores SIGPIPE, so they fail instead of killing us).
public final class FileHandleStream: ByteInput, ByteOutput {
    private let handle: FileHandle

    public init(_ handle: FileHandle) {
        self.handle = handle
    }

    public func readSome() -> [UInt8] {
        Array(handle.availableData)
    }

    public func write(_ bytes: [UInt8]) {
        try? handle.write(contentsOf: Data(bytes))
    }
}

/// Splits the input into messages by their `Content-Length` header.
///
/// Anything malformed is skipped with a line in the log, never fatal: a
/// header block without a usable length is dropped as a whole, and a body
/// longer than `maximumBodyLength` is read and thrown away.
public struct MessageReader {
    /// What one call to `next()` produced.
    public enum Message: Equatable {
        case body([UInt8])
        /// Bytes were dropped; the string says why (for the log).
        case skipped(String)
    }

    public static let maximumHeaderLength = 64 * 1024
    public static let maximumBodyLength = 64 * 1024 * 1024

    private let input: ByteInput
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    public init(input: ByteInput) {
        self.input = input
    }

    /// The next message, or `nil` once the input has ended.
    public mutating func next() -> Message? {
        while true {
            // Look for the blank line that ends the headers ("\r\n\r\n", or "\n\n" from lenient clients).
            if let (headerEnd, bodyStart) = headerTerminator() {
                let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
                start = bodyStart
                guard let length = Self.contentLength(in: header) else {
                    return .skipped("message header without a valid Content-Length: \(header.prefix(200).debugDescription)")
                }
                if length > Self.maximumBodyLength {
                    guard discard(length) else { return nil }
                    return .skipped("message body of \(length) bytes is over the limit of \(Self.maximumBodyLength)")
                }
                guard let body = take(length) else { return nil }
                return .body(body)
            }
            if buffer.count - start > Self.maximumHeaderLength {
                let dropped = buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                return .skipped("\(dropped) bytes without the end of a message header")
            }
            guard fill() else { return nil }
        }
    }

    private func headerTerminator() -> (Int, Int)? {
        var index = start
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") {
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") {
                    return (index, index + 2)
                }
                if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"),
                   buffer[index + 2] == UInt8(ascii: "\n") {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    static func contentLength(in header: String) -> Int? {
        for line in header.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard name == "content-length" else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            guard let length = Int(value), length >= 0 else { return nil }
            return length
        }
        return nil
    }

    /// Reads more input; false at the end.
    private mutating func fill() -> Bool {
        guard !atEnd else { return false }
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        let more = input.readSome()
        if more.isEmpty {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: more)
        return true
    }

    private mutating func take(_ length: Int) -> [UInt8]? {
        while buffer.count - start < length {
            guard fill() else { return nil }
        }
        let body = Array(buffer[start..<(start + length)])
        start += length
        return body
    }

    private mutating func discard(_ length: Int) -> Bool {
        var remaining = length
        while true {
            let available = min(remaining, buffer.count - start)
            start += available
            remaining -= available
            if remaining == 0 { return true }
            buffer.removeAll(keepingCapacity: true)
            start = 0
            guard fill() else { return false }
        }
    }
}

/// Frames and writes messages; safe to call from one thread at a time.
public struct MessageWriter {
    private let output: ByteOutput

    public init(output: ByteOutput) {
        self.output = output
    }

    public func write(_ body: [UInt8]) {
        output.write(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }
}
