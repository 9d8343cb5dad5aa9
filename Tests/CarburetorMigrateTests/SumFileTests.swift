import Foundation
@testable import CarburetorMigrate
import Testing

/// Tampering with a migration directory is caught by the chained sum file.
@Suite struct SumFileTests {
    func history() -> String {
        let directory = temporaryDirectory()
        _ = History.write(into: directory)
        return directory
    }

    func problems(_ directory: String) throws -> [SumFile.Problem.Kind] {
        SumFile.verify(try MigrationDirectory.read(directory)).map(\.kind)
    }

    @Test func intactDirectoryVerifies() throws {
        let directory = history()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try problems(directory).isEmpty)
    }

    @Test func editedMigrationIsCaught() throws {
        let directory = history()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/20261125090001_notes_and_kinds/up.sql"
        try (String(contentsOfFile: path, encoding: .utf8) + "DROP TABLE users;\n").write(toFile: path, atomically: true, encoding: .utf8)
        let found = SumFile.verify(try MigrationDirectory.read(directory))
        #expect(found.map(\.kind) == [.edited])
        #expect(found[0].path == "20261125090001_notes_and_kinds/up.sql")
        #expect(MigrateCheck(directory: directory).run(schema: History.v3).exitStatus == .failure)
    }

    @Test func deletedMigrationIsCaught() throws {
        let directory = history()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.removeItem(atPath: directory + "/20261125090001_notes_and_kinds")
        #expect(try problems(directory) == [.deleted, .deleted])
    }

    @Test func reorderedMigrationIsCaught() throws {
        let directory = history()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.moveItem(atPath: directory + "/20261125090002_contacts",
                                         toPath: directory + "/20261125085959_contacts")
        let kinds = try problems(directory)
        #expect(kinds.contains(.deleted))
        #expect(kinds.contains(.addedOutOfOrder))
    }

    @Test func editedSnapshotIsCaught() throws {
        let directory = history()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + SchemaSnapshot.fileName
        try (String(contentsOfFile: path, encoding: .utf8) + " ").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try problems(directory) == [.edited])
    }

    @Test func editedTotalLineIsCaught() throws {
        let directory = history()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + SumFile.fileName
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] = "h1:AAAA"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try problems(directory) == [.totalMismatch])
    }

    @Test func missingSumFileIsCaught() throws {
        let directory = history()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.removeItem(atPath: directory + "/" + SumFile.fileName)
        #expect(try problems(directory) == [.missingSumFile])
    }

    /// Two branches each add a migration to the same history. Whichever way
    /// the merge conflict in the sum file is resolved, the chain breaks and
    /// the message says to rebase and re-run `migrate new`.
    @Test func concurrentlyAddedMigrationsBreakTheChain() throws {
        let base = temporaryDirectory()
        let branchA = temporaryDirectory()
        let branchB = temporaryDirectory()
        defer { for path in [base, branchA, branchB] { try? FileManager.default.removeItem(atPath: path) } }
        _ = MigrateNew(directory: base, name: "init", clock: .fixed("20261125090000")).run(schema: History.v1)
        for branch in [branchA, branchB] {
            try FileManager.default.removeItem(atPath: branch)
            try FileManager.default.copyItem(atPath: base, toPath: branch)
        }
        _ = MigrateNew(directory: branchA, name: "a", clock: .fixed("20261125100000")).run(schema: History.v2)
        _ = MigrateNew(directory: branchB, name: "b", clock: .fixed("20261125110000")).run(schema: History.v3)

        // The merge: B's migration lands in A's directory.
        try FileManager.default.copyItem(atPath: branchB + "/20261125110000_b", toPath: branchA + "/20261125110000_b")
        let sumA = try String(contentsOfFile: branchA + "/" + SumFile.fileName, encoding: .utf8)
        let sumB = try String(contentsOfFile: branchB + "/" + SumFile.fileName, encoding: .utf8)

        // Resolution 1: keep A's sum file.
        let keptA = SumFile.verify(try MigrationDirectory.read(branchA))
        #expect(keptA.map(\.kind) == [.added, .added])
        #expect(keptA[0].message.contains("rebase"))

        // Resolution 2: keep both sides' lines (a union merge).
        let linesA = sumA.split(separator: "\n").dropFirst().filter { !$0.hasPrefix(SchemaSnapshot.fileName) }
        let linesB = sumB.split(separator: "\n").filter { $0.hasPrefix("20261125110000_b") }
        let union = ([sumB.split(separator: "\n")[0]] + linesA + linesB
                     + sumB.split(separator: "\n").filter { $0.hasPrefix(SchemaSnapshot.fileName) })
            .joined(separator: "\n") + "\n"
        try union.write(toFile: branchA + "/" + SumFile.fileName, atomically: true, encoding: .utf8)
        let unioned = SumFile.verify(try MigrationDirectory.read(branchA))
        #expect(unioned.first?.kind == .chainBroken)
        #expect(unioned.first?.path == "20261125110000_b/up.sql")
        #expect(unioned.first?.message.contains("concurrently") == true)
    }

    @Test func incompleteMigrationIsReported() throws {
        let directory = history()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.removeItem(atPath: directory + "/20261125090002_contacts/down.sql")
        let kinds = try problems(directory)
        #expect(kinds.contains(.incomplete))
        #expect(kinds.contains(.deleted))
    }
}
