import CarburetorPostgres
import CarburetorTestSupport
import Foundation

/// Fresh databases for the live tests, from the shared test harness
/// (`CARBURETOR_TEST_DATABASE_URL`, or a throwaway server of this process).
enum LiveDatabase {
    /// Runs `body` with the URL of a new, empty database, dropped afterwards.
    static func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
        try withTemporaryDatabase { database in try body(database.url) }
    }

    /// A new database and a scratch directory for tests that cannot use a
    /// closure (async ones); call the returned cleanup when done.
    static func openDatabase() throws -> (url: String, directory: String, cleanup: () -> Void) {
        let database = try TestPostgres.createDatabase()
        let directory = temporaryDirectory()
        return (database.url, directory, {
            TestPostgres.dropDatabase(database)
            try? FileManager.default.removeItem(atPath: directory)
        })
    }
}
