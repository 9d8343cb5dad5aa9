import Testing
@testable import CarburetorCore

/// The clash check skips building Swift property names when their hashes
/// differ, so names with equal property names must hash equally. The hash
/// folds case, so only names whose property names differ in more than case
/// must hash apart.
struct SwiftNameHashTests {
    static let names = [
        "user_id", "userId", "userID", "user__id", "_user_id_", "UserId", "user_i_d", "useri_d",
        "id", "ID", "Id", "i_d", "_", "__", "", "a", "A", "_a", "a1", "a_1", "A1",
        "phone_number", "phoneNumber", "Phone_Number", "phone_numbers", "is_deleted", "isDeleted",
        "last_synced_at", "lastSyncedAt", "x9_y", "x9Y", "café",
    ]

    @Test func equalPropertyNamesHaveEqualHashesAndOthersDiffer() {
        for first in Self.names {
            for second in Self.names {
                guard let firstHash = SwiftNames.propertyNameHash(first),
                      let secondHash = SwiftNames.propertyNameHash(second) else { continue }
                let sameProperty = SwiftNames.propertyName(first).lowercased()
                    == SwiftNames.propertyName(second).lowercased()
                #expect((firstHash == secondHash) == sameProperty, "\(first) / \(second)")
            }
        }
    }

    @Test func nonASCIINamesHaveNoHash() {
        #expect(SwiftNames.propertyNameHash("café") == nil)
        #expect(SwiftNames.propertyNameHash("user_id") != nil)
    }
}
