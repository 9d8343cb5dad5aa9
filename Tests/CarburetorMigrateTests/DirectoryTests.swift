import CarburetorChecker
import CarburetorSchema
import CarburetorTestSupport
import Foundation
@testable import CarburetorMigrate
import Testing

@Suite struct DirectoryTests {
    @Test func historyWritesStrictlyIncreasingDieselFolders() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = History.write(into: directory)
        #expect(results.map(\.exitStatus) == [.success, .success, .success])
        let read = try MigrationDirectory.read(directory)
        #expect(read.layout == .diesel)
        #expect(read.migrations.map(\.identifier) == [
            "20261125090000_init", "20261125090001_notes_and_kinds", "20261125090002_contacts",
        ])
        #expect(SumFile.verify(read).isEmpty)
        let snapshot = try SchemaSnapshot.decode(#require(read.snapshotText), sourceName: "x")
        #expect(snapshot.tables.map(\.plural) == ["users", "contacts"])
    }

    @Test func goldenHistory() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = History.write(into: directory)
        let read = try MigrationDirectory.read(directory)
        var files = read.hashedFiles.map { ($0.path, $0.contents) }
        files.append((SumFile.fileName, try #require(read.sumText)))
        for failure in try Golden.compare(files, in: MigrateFixtures.directory.appendingPathComponent("history")) {
            Issue.record("golden history: \(failure)")
        }
    }

    @Test func goldenHardChange() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = History.write(into: directory)
        let result = MigrateNew(directory: directory, name: "hard", planOptions: History.v4Options,
                                clock: History.clock).run(schema: History.v4)
        #expect(result.exitStatus == .success)
        #expect(result.diagnostics.map(\.code.rawValue).sorted() == ["BC102", "DS103", "DS104", "DS104", "MF102"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        let hard = try #require(try MigrationDirectory.read(directory).migrations.last)
        let hardChange = MigrateFixtures.directory.appendingPathComponent("hard_change")
        for failure in try Golden.compare([("up.sql", hard.upSQL), ("down.sql", hard.downSQL ?? "")], in: hardChange) {
            Issue.record("golden hard_change: \(failure)")
        }
    }

    @Test func golangMigrateLayout() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = History.write(into: directory, layout: .golangMigrate)
        let read = try MigrationDirectory.read(directory)
        #expect(read.layout == .golangMigrate)
        #expect(read.migrations.map(\.upPath) == [
            "000001_init.up.sql", "000002_notes_and_kinds.up.sql", "000003_contacts.up.sql",
        ])
        #expect(read.migrations.allSatisfy { $0.downSQL != nil })
        #expect(SumFile.verify(read).isEmpty)
        // The directory's layout is kept; asking for the other one is an error.
        let mismatch = MigrateNew(directory: directory, name: "x", layout: .diesel, clock: History.clock)
            .run(schema: History.v1)
        #expect(mismatch.exitStatus == .failure)
    }

    @Test func noChangesWritesNothing() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = History.write(into: directory)
        let again = MigrateNew(directory: directory, name: "again", clock: History.clock).run(schema: History.v3)
        #expect(again.exitStatus == .success)
        #expect(again.writtenFiles.isEmpty)
        #expect(again.output.hasPrefix("No changes"))
        #expect(try MigrationDirectory.read(directory).migrations.count == 3)
    }

    @Test func refusedChangeWritesNothing() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = History.write(into: directory)
        var dropped = History.v3
        dropped.tables.removeLast()
        let result = MigrateNew(directory: directory, name: "drop", clock: History.clock).run(schema: dropped)
        #expect(result.exitStatus == .failure)
        #expect(result.diagnostics.map(\.code.rawValue) == ["DS102"])
        #expect(try MigrationDirectory.read(directory).migrations.count == 3)
    }

    @Test func checkReportsUncapturedChanges() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(MigrateCheck(directory: directory).run(schema: History.v1).exitStatus == .changesFound)
        _ = History.write(into: directory)
        #expect(MigrateCheck(directory: directory).run(schema: History.v3).exitStatus == .success)
        let pending = MigrateCheck(directory: directory).run(schema: History.v2)
        #expect(pending.exitStatus == .changesFound)
        #expect(pending.output.contains("alter table"))
    }

    @Test func largeChangeIsSplitIntoSeveralMigrations() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tables = (0..<30).map { table("t\($0)", [column("name", .text)]) }
        let result = MigrateNew(directory: directory, name: "big", lockBudget: 51, clock: History.clock)
            .run(schema: schema(tables))
        #expect(result.exitStatus == .success)
        let read = try MigrationDirectory.read(directory)
        #expect(read.migrations.map(\.identifier) == [
            "20261125090000_big_1", "20261125090001_big_2", "20261125090002_big_3",
        ])
        #expect(read.migrations.allSatisfy { LockBudget.estimate(sql: $0.upSQL) <= 51 })
        #expect(read.migrations[0].upSQL.contains("Part 1 of 3"))
    }

    @Test func versionsAdvanceWhenTheClockDoesNot() {
        #expect(MigrationVersion.next(after: "20261231235959", layout: .diesel, clock: .fixed("20261231235959"))
                == "20270101000000")
        #expect(MigrationVersion.next(after: "20240228235959", layout: .diesel, clock: .fixed("20200101000000"))
                == "20240229000000")
        #expect(MigrationVersion.next(after: "20240101000000", layout: .diesel, clock: .fixed("20250101000000"))
                == "20250101000000")
        #expect(MigrationVersion.next(after: "000009", layout: .golangMigrate, clock: History.clock) == "000010")
    }

    @Test func snapshotRoundTrips() throws {
        let text = SchemaSnapshot.encode(History.v3)
        let decoded = try SchemaSnapshot.decode(text, sourceName: "test.carb")
        #expect(SchemaSnapshot.encode(decoded) == text)
        #expect(decoded == SchemaSnapshot.normalized(History.v3))
    }

    @Test func scriptSegmentsHonourTheNoTransactionMarker() {
        let text = """
        -- header
        CREATE TABLE a (x int);

        -- carburetor:no-transaction
        CREATE INDEX CONCURRENTLY i ON a
            (x);
        ALTER TABLE a ADD COLUMN y int;
        """
        let segments = MigrationScript.segments(of: text)
        #expect(segments.map(\.inTransaction) == [true, false, true])
        #expect(segments[1].sql == "CREATE INDEX CONCURRENTLY i ON a\n    (x);")
        #expect(MigrationScript.segments(of: "-- only a comment\n").isEmpty)
    }
}

/// The header of up.sql and down.sql names the config: a path with a line
/// break must not end the comment and put SQL of its own into the file.
@Suite struct MigrationHeaderTests {
    @Test(arguments: ["\r", "\n", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"])
    func headerStaysACommentWhateverThePath(_ terminator: String) throws {
        var schema = History.v1
        schema.sourceName = "app\(terminator)DROP TABLE users;\(terminator).carb"
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = MigrateNew(directory: directory, name: "init", clock: History.clock).run(schema: schema)
        #expect(result.exitStatus == .success, "\(result.errors)")
        let migrations = try MigrationDirectory.read(directory).migrations
        #expect(!migrations.isEmpty)
        for migration in migrations {
            for text in [migration.upSQL, migration.downSQL ?? ""] {
                let lines = LineTerminators.lines(text)
                #expect(!lines.contains { $0.hasPrefix("DROP TABLE users") }, "\(text.prefix(300))")
                #expect(lines.contains { $0.hasPrefix("-- Migration") && $0.contains("DROP TABLE users;") })
            }
        }
    }
}
