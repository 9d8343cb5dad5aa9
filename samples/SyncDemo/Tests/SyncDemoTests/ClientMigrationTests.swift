import CarburetorClient
import Foundation
import GRDB
import SyncDemoClientKit
import SyncDemoServerKit
import Testing

/// A device database made by the first version of the app (todos.carb
/// before `spent_minutes`, `progress`, `weight`, `due_on` and `remind_at`),
/// holding edits it never sent, opens under the current config and syncs them.
@Suite(.serialized) struct ClientMigrationTests {
    /// The columns the second version added.
    static let addedColumns: Set<String> = ["spent_minutes", "progress", "weight", "due_on", "remind_at"]

    /// `todos` as the first version's generated code described it.
    static let firstVersion = SyncedTable(
        name: "todos", singularName: "todo", idColumn: "id", syncStampColumn: "last_synced_at",
        softDeleteColumn: "is_deleted",
        columns: [
            SyncedColumn("owner_id", .text, immutable: true),
            SyncedColumn("title", .text),
            SyncedColumn("notes", .text, nullable: true),
            SyncedColumn("priority", .integer),
            SyncedColumn("done", .boolean),
            SyncedColumn("is_deleted", .boolean, default: false.databaseValue),
        ])

    @Test func theFirstVersionIsTheCurrentOneLessTheAddedColumns() {
        var current = SyncDemoClientKit.Todo.syncedTable
        current.columns.removeAll { Self.addedColumns.contains($0.name) }
        #expect(current == Self.firstVersion)
        #expect(SyncDemoClientKit.Todo.syncedTable.columns.count == Self.firstVersion.columns.count + Self.addedColumns.count)
    }

    @Test func unsentEditsOfTheFirstVersionSyncAfterTheUpgrade() async throws {
        try await DemoServer.with { server in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("carol.sqlite")
            let transport = server.transport(user: "carol")
            let table = Self.firstVersion

            // Version 1: three rows, synced (the old app against the current server), then offline edits.
            do {
                let old = try TodoDevice(path: path, user: "carol", node: "carol-phone", tables: [table])
                try await old.store.writer.write { db in
                    for (id, title) in [("a", "Paint the fence"), ("c", "Sell the car"), ("d", "Plant tulips")] {
                        try old.store.insert(db, into: table, values: [
                            "id": id.databaseValue, "owner_id": "carol".databaseValue, "title": title.databaseValue,
                            "priority": 2.databaseValue, "done": false.databaseValue])
                    }
                }
                let firstSync = try await old.store.sync(SyncGroupDescriptor(name: "todos", tables: [table]), transport: transport)
                #expect(firstSync.acceptedRows == 3 && firstSync.rejected.isEmpty)
                try await old.store.writer.write { db in
                    try old.store.update(db, in: table, id: "a", set: ["title": "Paint the fence green".databaseValue,
                                                                       "done": true.databaseValue])
                    try old.store.insert(db, into: table, values: [
                        "id": "b".databaseValue, "owner_id": "carol".databaseValue, "title": "Fix the gate".databaseValue,
                        "notes": "hinges".databaseValue, "priority": 1.databaseValue, "done": false.databaseValue])
                    try old.store.delete(db, in: table, id: "c")
                }
                #expect(try await old.store.writer.read { db in try old.store.pendingRowCount(db) } == 3)
            }

            // Version 2 opens the same file: the added columns appear, the unsent edits are still unsent.
            let device = try TodoDevice(path: path, user: "carol")
            let columnsInFile = try await device.store.writer.read { db in try db.columns(in: "todos").map(\.name) }
            #expect(Set(columnsInFile).isSuperset(of: Self.addedColumns))
            #expect(try device.unsentIDs() == ["a", "b", "c"])
            #expect(try await device.store.writer.read { db in
                try device.store.dirtyColumns(db, of: SyncDemoClientKit.Todo.syncedTable, id: "a")
            } == ["title", "done"])
            let upgraded = try #require(try device.list(includeDeleted: true).first { $0.id == "b" })
            #expect(upgraded.spentMinutes == 0 && upgraded.progress == 0 && upgraded.weight == 1 && upgraded.dueOn == nil)
            // And an edit of an added column, made under version 2.
            try device.edit("b") { $0.progress = 0.25; $0.dueOn = CalendarDate(year: 2026, month: 12, day: 24) }

            let report = try await device.sync(transport: transport)
            #expect(report.rejected.isEmpty && report.acceptedRows == 3)
            #expect(try device.unsentIDs().isEmpty)

            let serverRows = try await server.serverRows()
            let byID = Dictionary(uniqueKeysWithValues: serverRows.map { ($0.id, $0) })
            #expect(byID["a"]?.title == "Paint the fence green" && byID["a"]?.done == true)
            #expect(byID["b"]?.notes == "hinges" && byID["b"]?.progress == 0.25 && byID["b"]?.weight == 1)
            #expect(byID["b"]?.dueOn == CalendarDate(year: 2026, month: 12, day: 24))
            #expect(byID["c"]?.isDeleted == true && byID["d"]?.isDeleted == false)
            #expect(try device.list(includeDeleted: true).map(deviceColumns) == serverRows.map(serverColumns))

            // A second device of the same user, on version 2 from the start, downloads the same rows.
            let laptop = try TodoDevice(path: directory.path("carol-laptop.sqlite"), user: "carol", node: "carol-laptop")
            _ = try await laptop.sync(transport: transport)
            expectDeviceMatchesServer(try laptop.list(includeDeleted: true), serverRows, "carol-laptop")
            #expect(try laptop.list().map(\.id) == ["a", "b", "d"])
        }
    }
}
