import Testing
@testable import CarburetorCore

/// The table directory finds names by `NameHash` and confirms with `==`, so
/// names equal as Strings (canonical equivalence) must hash equally.
struct NameHashTests {
    static let names = [
        "", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "record_19999_item",
        "record_19999_items", "record_99919_item", "K", "Kind", "kind", "\u{212A}ind", "k_x", "\u{212A}_x",
        "e\u{301}", "\u{E9}", "caf\u{E9}", "cafe\u{301}", "a;b", "a\u{37E}b", "`x", "\u{1FEF}x", "user id",
    ]

    @Test func equalNamesHaveEqualHashes() {
        for first in Self.names {
            for second in Self.names {
                #expect((NameHash(first) == NameHash(second)) == (first == second), "\(first) / \(second)")
            }
        }
    }

    @Test func equalSwiftTypeNamesHaveEqualHashes() {
        let names = Self.names + ["user_id", "userId", "UserId", "user__id", "_", "__", "kind_x", "KindX",
                                  "\u{212A}ind_x", "a_1", "a1", "A1"]
        for first in names {
            for second in names where SwiftNames.typeName(first) == SwiftNames.typeName(second) {
                #expect(SwiftNames.typeNameHash(first) == SwiftNames.typeNameHash(second), "\(first) / \(second)")
            }
        }
    }

    @Test func positionsAreFoundAfterGrowing() {
        let names = (0..<1_000).map { "table_\($0)" }
        var positions = PositionsByNameHash()
        for (position, name) in names.enumerated() { positions.insert(position, for: NameHash(name)) }
        for (position, name) in names.enumerated() {
            #expect(positions.first(NameHash(name)) { names[$0] == name } == position)
        }
        #expect(positions.first(NameHash("table_1000")) { names[$0] == "table_1000" } == nil)
    }
}
