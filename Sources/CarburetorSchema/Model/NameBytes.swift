extension String {
    /// Calls `body` with the string's UTF-8 bytes in contiguous memory, for
    /// the byte-level name checks the resolver runs on every name: reading
    /// `utf8` one byte at a time costs several times more.
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var contiguous = self
        return contiguous.withUTF8(body)
    }
}
