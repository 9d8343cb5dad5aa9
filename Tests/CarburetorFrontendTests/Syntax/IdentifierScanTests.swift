import Testing
@testable import CarburetorSyntax

/// The lexer scans identifiers eight bytes at a time; the byte-by-byte test
/// is the oracle it must agree with.
struct IdentifierScanTests {
    /// The length of the run of identifier bytes at the start of `bytes`, one byte at a time.
    private func oracle(_ bytes: [UInt8]) -> Int {
        bytes.prefix { LexerByte.isIdentifierContinue($0) }.count
    }

    private func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    @Test func everyByteAtEveryPositionAgreesWithTheByteByByteScan() {
        // Each byte value in each of the eight positions, after identifier bytes.
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = Array("abcdefgh".utf8)
                bytes[position] = UInt8(value)
                #expect(LexerByte.identifierLength(inWord: word(bytes)) == oracle(bytes), "byte \(value) at \(position)")
            }
        }
    }

    @Test func everyPairOfEdgeBytesAgrees() {
        // Bytes at the edges of the ranges the word test checks, two at a
        // time in every pair of positions (the first one decides).
        let edges: [UInt8] = [0x00, 0x20, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x5A, 0x5B, 0x5E, 0x5F, 0x60, 0x61,
                              0x7A, 0x7B, 0x7F, 0x80, 0xC0, 0xDF, 0xE0, 0xFF]
        for first in 0..<8 {
            for second in (first + 1)..<8 {
                for a in edges {
                    for b in edges {
                        var bytes = Array("Ab_0z9Z_".utf8)
                        bytes[first] = a
                        bytes[second] = b
                        #expect(LexerByte.identifierLength(inWord: word(bytes)) == oracle(bytes), "\(bytes)")
                    }
                }
            }
        }
    }
}
