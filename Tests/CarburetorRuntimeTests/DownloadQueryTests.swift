@testable import CarburetorRuntime
import Foundation
import PostgresNIO
import Testing

/// The statement a table download runs, for each kind of request.
@Suite struct DownloadQueryTests {
    private let table = SyncedTable(
        name: "phone \"books\"", columns: ["id", "name", "owner"], idColumn: "id", syncColumn: "stamp",
        softDeleteColumn: "is_deleted")
    private let cutoff = ExactTimestamp(microsecondsSince1970: 1_000_000)

    @Test func initialSyncLeavesOutSoftDeletedRows() throws {
        let query = try TableDownload.selectQuery(
            table: table, cutoff: cutoff, offset: nil, offsetID: nil, restriction: nil, pageSize: nil)
        #expect(query.sql == #"SELECT "id", "name", "owner", "stamp", "id" FROM "phone ""books""" WHERE "stamp" <= $1 AND "is_deleted" = false ORDER BY "stamp", "id""#)
        #expect(query.binds.count == 1)
    }

    @Test func continuationUsesTheKeysetAndRestriction() throws {
        let query = try TableDownload.selectQuery(
            table: table, cutoff: cutoff, offset: ExactTimestamp(microsecondsSince1970: 5), offsetID: "p9",
            restriction: RowRestriction(column: "owner", equals: "alice"), pageSize: 10)
        #expect(query.sql == #"SELECT "id", "name", "owner", "stamp", "id" FROM "phone ""books""" WHERE "stamp" <= $1 AND ("stamp", "id") > ($2, $3) AND "owner" = $4 ORDER BY "stamp", "id" LIMIT 11"#)
        #expect(query.binds.count == 4)
    }

    @Test func offsetWithoutIDComparesTheStampOnly() throws {
        let query = try TableDownload.selectQuery(
            table: table, cutoff: cutoff, offset: ExactTimestamp(microsecondsSince1970: 5), offsetID: nil,
            restriction: nil, pageSize: Int.max)
        #expect(query.sql.hasSuffix(#"WHERE "stamp" <= $1 AND "stamp" > $2 ORDER BY "stamp", "id""#))
    }

    @Test func cutoffLooksAtOtherSessionsOfThisDatabase() {
        #expect(TableDownload.cutoffSQL.contains("least(clock_timestamp(), min(s.xact_start)) - interval '1 microsecond'"))
        #expect(TableDownload.cutoffSQL.contains("FROM pg_stat_get_activity(NULL) AS s"))
        #expect(TableDownload.cutoffSQL.contains("pid <> pg_backend_pid()"))
        #expect(TableDownload.cutoffSQL.contains("<insufficient privilege>"))
        #expect(TableDownload.cutoffSQL.contains("FROM pg_prepared_xacts WHERE database = current_database()"))
        #expect(TableDownload.cutoffSQL.contains("s.state = 'disabled'"))
        #expect(TableDownload.cutoffSQL.contains("pg_is_in_recovery()"))
    }

    @Test func guardErrorsSayWhatToDo() {
        #expect(TableDownload.defaultPageSize == 1_000)
        #expect(CarburetorError.inRecovery.description.contains("primary"))
        #expect(CarburetorError.untrackedSession(pid: 42).description.contains("session 42"))
        #expect(CarburetorError.untrackedSession(pid: 42).description.contains("track_activities"))
    }

    @Test func exactTimestampsKeepEveryMicrosecond() {
        for micros: Int64 in [0, 1, -1, 1_714_566_896_123_456, 4_102_444_799_999_999] {
            #expect(ExactTimestamp(ExactTimestamp(microsecondsSince1970: micros).date).microsecondsSince1970 == micros)
        }
    }
}
