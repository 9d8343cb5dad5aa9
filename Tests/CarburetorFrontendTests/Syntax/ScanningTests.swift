import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax
import CarburetorTestSupport

/// The word-at-a-time scans of the front end (`SourceFile`'s line starts and
/// UTF-8 check, `NameTable`'s prefixes and hashes) against plain
/// byte-by-byte versions, on inputs whose lengths cross word boundaries.
@Suite struct ScanningTests {
    @Test func lineStartsAndRepairMatchAByteByByteScan() {
        var random = SplitMix64(seed: 0x5EED)
        let alphabet: [UInt8] = Array("ab_ \t\r\n{}".utf8) + [0xC3, 0xA9, 0xE2, 0x80, 0x94, 0xFF, 0x80]
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let file = SourceFile(name: "t.carb", bytes: bytes)
            let expectedBytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            #expect(file.utf8 == expectedBytes, "repair of \(bytes)")
            var expectedStarts = [0]
            for (offset, byte) in expectedBytes.enumerated() where byte == UInt8(ascii: "\n") {
                expectedStarts.append(offset + 1)
            }
            #expect(file.lineStarts == expectedStarts, "line starts of \(bytes)")
        }
    }

    @Test func nameTableGivesEachSpellingItsOwnText() {
        // Short names, names sharing a 16-byte prefix, long names differing
        // only in their last byte, and enough of them to grow the table often.
        var spellings: [String] = []
        for index in 0..<3_000 {
            spellings.append("c\(index)")
            spellings.append("a_shared_prefix_of_16_bytes_\(index)")
            spellings.append(String(repeating: "x", count: 40) + "\(index % 10)\(index)")
        }
        let source = spellings.joined(separator: " ")
        let bytes = Array(source.utf8)
        var offsets: [(start: Int, length: Int)] = []
        var start = 0
        for spelling in spellings {
            offsets.append((start, spelling.utf8.count))
            start += spelling.utf8.count + 1
        }
        for expectedNames in [0, spellings.count] {
            var table = NameTable(expectedNames: expectedNames)
            bytes.withUnsafeBufferPointer { buffer in
                // Twice: the second pass finds every name already there.
                for _ in 0..<2 {
                    for (position, spelling) in spellings.enumerated() {
                        let name = table.name(spelledAt: offsets[position].start, length: offsets[position].length,
                                              in: buffer)
                        #expect(name == spelling)
                    }
                }
            }
        }
    }
}
