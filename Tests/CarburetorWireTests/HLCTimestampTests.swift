import CarburetorWire
import Foundation
import Testing

@Suite struct HLCTimestampTests {
    @Test func textFormRoundTripsAndIsFixedWidth() throws {
        let clock = HLCTimestamp(microseconds: 1_733_130_000_123_456, counter: 7, node: "phone-a")
        #expect(clock.description == "1733130000123456-00007-phone-a")
        #expect(HLCTimestamp(clock.description) == clock)
        let zero = HLCTimestamp(microseconds: 0, node: "n")
        #expect(zero.description == "0000000000000000-00000-n")
        for edge in [HLCTimestamp.purge, HLCTimestamp(microseconds: 5, counter: 99_999, node: "é~😀"),
                     HLCTimestamp(microseconds: 1, node: String(repeating: "n", count: 64))] {
            #expect(HLCTimestamp(edge.description) == edge, "\(edge)")
        }
        #expect(HLCTimestamp.purge.description == "9999999999999999-99999-~purge")
    }

    @Test func malformedTextIsRefused() {
        for text in ["", "1733130000123456-00007-", "173313000012345-00007-a", "1733130000123456-0007-a",
                     "1733130000123456_00007_a", "17331300001234x6-00007-a", "1733130000123456-00007",
                     "+733130000123456-00007-a", "1733130000123456-+0007-a", "1733130000123456--0007-a"] {
            #expect(HLCTimestamp(text) == nil, "\(text)")
        }
        #expect(HLCTimestamp("1733130000123456-00007-" + String(repeating: "n", count: 65)) == nil)
    }

    /// The property every store relies on: comparing the text is comparing the clocks.
    @Test func textOrderIsClockOrder() {
        var random = SystemRandomNumberGenerator()
        let nodes = ["a", "ab", "b", "phone-1", "phone-10", "Z", "~server", "0", "a.b", "a_b"]
        var clocks: [HLCTimestamp] = []
        for _ in 0..<400 {
            clocks.append(HLCTimestamp(
                microseconds: Int64.random(in: 0...3, using: &random) * 1_000_000_000_000
                    + Int64.random(in: 0...2, using: &random),
                counter: Int.random(in: 0...2, using: &random),
                node: nodes.randomElement(using: &random)!))
        }
        for left in clocks.prefix(60) {
            for right in clocks {
                let byText = left.description.utf8.lexicographicallyPrecedes(right.description.utf8)
                #expect(byText == (left < right), "\(left) vs \(right)")
            }
        }
    }

    @Test func successorCarriesTheCounterIntoMicroseconds() {
        let last = HLCTimestamp(microseconds: 5, counter: HLCTimestamp.maximumCounter, node: "a")
        let next = last.successor(node: "b")
        #expect(next == HLCTimestamp(microseconds: 6, counter: 0, node: "b"))
        #expect(last < next)
    }

    @Test func deviceNodesExcludeTheServersAndOddCharacters() {
        #expect(HLCTimestamp.isValidDeviceNode("phone-a_1.2"))
        for node in ["", HLCTimestamp.serverNode, HLCTimestamp.purgeNode, "a b", "é", "a\n", String(repeating: "x", count: 65)] {
            #expect(!HLCTimestamp.isValidDeviceNode(node), "\(node)")
        }
        #expect(HLCTimestamp.purge > HLCTimestamp(microseconds: HLCTimestamp.maximumMicroseconds, counter: 0, node: "z"))
    }

    @Test func codableIsTheTextForm() throws {
        let clock = HLCTimestamp(microseconds: 42, counter: 1, node: "d")
        let data = try JSONEncoder().encode([clock])
        #expect(String(decoding: data, as: UTF8.self) == "[\"0000000000000042-00001-d\"]")
        #expect(try JSONDecoder().decode([HLCTimestamp].self, from: data) == [clock])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([HLCTimestamp].self, from: Data("[\"x\"]".utf8)) }
    }
}

@Suite struct HybridLogicalClockTests {
    @Test func readingsIncreaseEvenWhenTheWallClockGoesBack() {
        var clock = HybridLogicalClock(node: "phone-a")
        let noon = Date(timeIntervalSince1970: 1_733_130_000)
        let first = clock.now(wallClock: noon)
        let second = clock.now(wallClock: noon)
        let third = clock.now(wallClock: noon.addingTimeInterval(-3600))
        #expect(first < second && second < third)
        #expect(third.microseconds == first.microseconds && third.counter == 2)
        let later = clock.now(wallClock: noon.addingTimeInterval(1))
        #expect(later.counter == 0 && later > third)
    }

    @Test func observedClocksAreOvertaken() {
        var clock = HybridLogicalClock(node: "phone-a")
        let seen = HLCTimestamp(microseconds: 2_000_000_000_000_000, counter: 3, node: HLCTimestamp.serverNode)
        clock.observe(seen)
        let next = clock.now(wallClock: Date(timeIntervalSince1970: 0))
        #expect(next > seen && next.node == "phone-a")
        clock.observe(stamp: Date(timeIntervalSince1970: 3_000_000_000))
        #expect(clock.now(wallClock: Date(timeIntervalSince1970: 0)).microseconds == 3_000_000_000_000_000)
    }
}

@Suite struct LastWriterWinsTests {
    @Test func laterClockWinsEqualClockIsTheSameWrite() {
        let early = HLCTimestamp(microseconds: 1, node: "a")
        let late = HLCTimestamp(microseconds: 2, node: "a")
        let tie = HLCTimestamp(microseconds: 1, node: "b")
        #expect(LastWriterWins.incomingWins(late, over: early))
        #expect(!LastWriterWins.incomingWins(early, over: late))
        #expect(!LastWriterWins.incomingWins(early, over: early))
        #expect(LastWriterWins.incomingWins(tie, over: early) && !LastWriterWins.incomingWins(early, over: tie))
        #expect(LastWriterWins.incomingWins(early, over: nil))
    }

    @Test func clocksFarAheadAreClampedToTheServersClock() {
        let server = HLCTimestamp(microseconds: 1_000_000_000, node: HLCTimestamp.serverNode)
        let near = HLCTimestamp(microseconds: 1_000_000_000 + LastWriterWins.maximumClockLead, counter: 4, node: "a")
        #expect(LastWriterWins.bounded(near, serverNow: server) == near)
        let far = HLCTimestamp(microseconds: 1_000_000_000 + LastWriterWins.maximumClockLead + 1, counter: 4, node: "a")
        #expect(LastWriterWins.bounded(far, serverNow: server)
                == HLCTimestamp(microseconds: 1_000_000_000, counter: 4, node: "a"))
    }

    /// Merging is order-independent: any permutation of the same writes gives the same register.
    @Test func mergeIsCommutativeAssociativeAndIdempotent() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            // A clock names one edit: the write's index as the counter keeps clocks of different writes apart.
            let writes: [[String: (value: Int, clock: HLCTimestamp)]] = (0..<5).map { index in
                var write: [String: (value: Int, clock: HLCTimestamp)] = [:]
                for column in ["a", "b", "c"] where Bool.random(using: &random) {
                    write[column] = (Int.random(in: 0...9, using: &random),
                                     HLCTimestamp(microseconds: Int64.random(in: 0...3, using: &random),
                                                  counter: index, node: ["x", "y"].randomElement(using: &random)!))
                }
                return write
            }
            func fold(_ order: [Int]) -> [String: String] {
                let merged = order.reduce([:]) { LastWriterWins.merge($0, writes[$1]) }
                return merged.mapValues { "\($0.value)@\($0.clock)" }
            }
            let reference = fold(Array(0..<5))
            #expect(fold(Array(0..<5).shuffled(using: &random)) == reference)
            #expect(fold(Array(0..<5) + Array(0..<5).shuffled(using: &random)) == reference)
        }
    }
}
