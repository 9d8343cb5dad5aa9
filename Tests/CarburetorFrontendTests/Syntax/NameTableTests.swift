import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax
import CarburetorTestSupport

/// `NameTable` (compact slots, dense entries) against a plain dictionary
/// from spelling to the first `String` handed out for it.
struct NameTableTests {
    /// Random names from a small alphabet, so that many repeat, and of
    /// lengths around the 8- and 16-byte prefix words, so that many share a prefix.
    @Test func agreesWithADictionaryOnRandomNames() {
        var random = SplitMix64(seed: 0xC0FFEE)
        let alphabet = Array("ab_1".utf8)
        var spellings: [[UInt8]] = []
        for _ in 0..<20_000 {
            let length = 1 + Int(random.next() % 24)
            spellings.append((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        var bytes: [UInt8] = []
        var ranges: [(start: Int, length: Int)] = []
        for spelling in spellings {
            ranges.append((bytes.count, spelling.count))
            bytes += spelling + [UInt8(ascii: " ")]
        }
        var table = NameTable()
        var expected: [String: String] = [:]
        bytes.withUnsafeBufferPointer { buffer in
            for range in ranges {
                let name = table.name(spelledAt: range.start, length: range.length, in: buffer)
                let spelling = String(decoding: buffer[range.start..<range.start + range.length], as: UTF8.self)
                #expect(name == spelling)
                // A name seen before is the same `String` (same storage, or the same small string).
                let first = expected[spelling, default: name]
                #expect(name.utf8.elementsEqual(first.utf8))
                expected[spelling] = first
            }
        }
        #expect(table.count == expected.count)
    }
}
