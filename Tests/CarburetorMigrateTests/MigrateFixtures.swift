import Foundation

/// The fixture folders beside this file, `Fixtures/<case>/`: golden files
/// (compared by `Golden` of CarburetorTestSupport) and committed histories.
enum MigrateFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}
