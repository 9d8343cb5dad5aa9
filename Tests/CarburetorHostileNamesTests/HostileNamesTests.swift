import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorRuntime
import CarburetorSQL
import CarburetorTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

// The generated code of `Tests/CarburetorSwiftGenTests/Fixtures/hostile_names`
// (Swift keywords and SQL reserved words as names; models called `Date`,
// `String` and `DownloadRequest`) writes and downloads through PostgreSQL.
// In this module `String` and `Date` are those models, so library types are
// spelled with their modules.

private let fixture = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("CarburetorSwiftGenTests/Fixtures/hostile_names/input.carb")

@Suite struct HostileNamesTests {
    @Test func keywordsAndReservedWordsWorkAgainstPostgreSQL() async throws {
        let text = try Swift.String(contentsOf: fixture, encoding: .utf8)
        let schema = try #require(Frontend.compile(SourceFile(name: "input.carb", text: text)).schema)
        try await withTemporaryDatabase { database in
            _ = try database.connect().execute(SQLGenerator().standardOutput(for: schema))
            var configuration = PostgresClient.Configuration(
                host: database.host, port: database.port, username: database.user, password: database.password,
                database: database.database, tls: .disable)
            configuration.options.maximumConnections = 4
            let client = PostgresClient(configuration: configuration)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }

                let row = try await Class.Insert(
                    id: "c1", self: "me", init: nil, default: 7, type: "t", protocol: "p", where: true, from: "f",
                    order: "o", user: "u", hashValue_: "h", syncedTable_: "s", is: "i", in: "n", return: "r",
                    tables: "ts", syncGroups: "sg", group: "g", container: "c", decoder: "d", row: "rw"
                ).trustedInsert(on: client)
                #expect(row.`self` == "me" && row.`default` == 7 && row.`where` == true && row.`init` == nil)

                _ = try await Date.Insert(id: "d1", owner: "me", when: Foundation.Date()).trustedInsert(on: client)
                _ = try await Date.Insert(id: "d2", owner: "someone else", when: Foundation.Date()).trustedInsert(on: client)
                _ = try await String.Insert(id: "s1", value: "v").trustedInsert(on: client)
                _ = try await DownloadRequest.Insert(id: "r1", body: nil).trustedInsert(on: client)
                _ = try await Table.Insert(key: "k1").trustedInsert(on: client)
                let changed = try await Class.Changeset(id: "c1", init: .set("now set"), where: .set(nil)).trustedUpdate(on: client)
                #expect(changed?.`init` == "now set" && changed?.`where` == nil)

                let response = try await DefaultSyncGroup.download(
                    client: client, request: .init(), context: .init(self: "me"))
                #expect(response.select.data == [try #require(changed)])
                #expect(response.dates.data.map(\.id) == ["d1"])
                #expect(response.strings.data.map(\.value) == ["v"])
                #expect(response.downloadRequests.data.map(\.id) == ["r1"])
                #expect(response.tables.data.map(\.key) == ["k1"])

                let json = try JSONEncoder().encode(response)
                #expect(try JSONDecoder().decode(DefaultSyncGroup.DownloadResponse.self, from: json) == response)
                let whereGroup = try await WhereSyncGroup.download(client: client, request: response.nextRequest.asWhereRequest)
                #expect(whereGroup.tables.data.isEmpty)
            }
        }
    }
}

extension DefaultSyncGroup.DownloadRequest {
    /// The `where` group's request for the same `table` offset.
    var asWhereRequest: WhereSyncGroup.DownloadRequest {
        WhereSyncGroup.DownloadRequest(tableOffset: tableOffset, tableOffsetId: tableOffsetId)
    }
}
