import Foundation
import Testing
@testable import CarburetorDriver
import CarburetorChecker
import CarburetorSchema
import CarburetorTestSupport

/// The `migrate` commands as the CLI runs them: config files on disk, a
/// migration directory, and a real PostgreSQL for the live commands.
@Suite struct MigrateCommandTests {
    let v1 = """
    tables {
        user {
            name -> Text,
        }
    }

    """
    let v2 = """
    tables {
        user {
            name -> Text,
            nickname -> Nullable<Text>,
        }
    }

    """

    private func write(_ text: String, in directory: String, as name: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func run(_ action: MigrateCommand.Action) -> CommandOutput {
        MigrateCommand(action).run(in: environment())
    }

    @Test func newThenCheckCapturesTheConfigAndAChangeIsCaught() throws {
        let root = try makeTemporaryDirectory()
        let migrations = root + "/migrations"
        let config = try write(v1, in: root, as: "config.carb")

        let first = run(.new(config: config, directory: migrations, name: "init", layout: nil,
                             allowDestructive: false, casts: [:], schemaName: nil))
        #expect(first.exitCode == ExitStatus.success, "\(first.standardError)")
        #expect(FileManager.default.fileExists(atPath: migrations + "/carburetor.sum"))
        #expect(run(.check(config: config, directory: migrations, schemaName: nil)).exitCode == 0)

        _ = try write(v2, in: root, as: "config.carb")
        let stale = run(.check(config: config, directory: migrations, schemaName: nil))
        #expect(stale.exitCode == 2)
        #expect(stale.standardOutput.contains("nickname"))

        let second = run(.new(config: config, directory: migrations, name: "nickname", layout: nil,
                              allowDestructive: false, casts: [:], schemaName: nil))
        #expect(second.exitCode == ExitStatus.success, "\(second.standardError)")
        #expect(run(.check(config: config, directory: migrations, schemaName: nil)).exitCode == 0)
    }

    @Test func aRefusedChangeIsReportedAtTheConfigWithItsLintCode() throws {
        let root = try makeTemporaryDirectory()
        let migrations = root + "/migrations"
        let config = try write(v2, in: root, as: "config.carb")
        _ = run(.new(config: config, directory: migrations, name: "init", layout: nil,
                     allowDestructive: false, casts: [:], schemaName: nil))
        _ = try write(v1, in: root, as: "config.carb")

        let refused = run(.new(config: config, directory: migrations, name: "drop", layout: nil,
                               allowDestructive: false, casts: [:], schemaName: nil))
        #expect(refused.exitCode == ExitStatus.failure)
        #expect(refused.standardError.contains("\(config):"))
        #expect(refused.standardError.contains("error[DS103]"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: migrations)
        #expect(entries.filter { $0.hasSuffix("_drop") }.isEmpty, "nothing written for a refused change")
    }

    /// `migrate hash --dir DIR` re-records the sum after a deliberate edit
    /// of a migration (as `atlas migrate hash`), from the binary itself.
    @Test func hashReRecordsTheSumAfterADeliberateEdit() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let migrations = root + "/migrations"
        let config = try write(v1, in: root, as: "config.carb")
        _ = run(.new(config: config, directory: migrations, name: "init", layout: nil,
                     allowDestructive: false, casts: [:], schemaName: nil))
        let entry = try #require(try FileManager.default.contentsOfDirectory(atPath: migrations).first { $0.hasSuffix("_init") })
        let up = migrations + "/" + entry + "/up.sql"
        try writeFile(up, try readFile(up) + "\nUPDATE \"users\" SET \"name\" = trim(\"name\");\n")
        let broken = run(.check(config: config, directory: migrations, schemaName: nil))
        #expect(broken.exitCode == ExitStatus.failure)
        #expect(broken.standardError.contains("\(entry)/up.sql was edited after it was recorded in carburetor.sum"))

        let hashed = try Executable.run(["migrate", "hash", "--dir", migrations])
        #expect(hashed.status == 0, "\(hashed.standardError)")
        #expect(hashed.standardOutput == "Recorded 3 files in carburetor.sum.\n")
        #expect(run(.check(config: config, directory: migrations, schemaName: nil)).exitCode == 0)

        let missing = try Executable.run(["migrate", "hash"])
        #expect(missing.status == 64, "\(missing.standardError)")
        let incomplete = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: incomplete) }
        try FileManager.default.createDirectory(atPath: incomplete + "/20261125090000_x", withIntermediateDirectories: true)
        try writeFile(incomplete + "/20261125090000_x/up.sql", "SELECT 1;\n")
        let refused = try Executable.run(["migrate", "hash", "--dir", incomplete])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("has no down.sql"))
        #expect(!FileManager.default.fileExists(atPath: incomplete + "/carburetor.sum"))
    }

    @Test func anUnreadableConfigIsAPlainError() {
        let output = run(.check(config: "/nonexistent/config.carb", directory: "/tmp", schemaName: nil))
        #expect(output.exitCode == ExitStatus.failure)
        #expect(output.standardError == "error: cannot read '/nonexistent/config.carb': no such file\n")
    }

    @Test func applyStatusAndDiffAgainstARealDatabase() throws {
        let root = try makeTemporaryDirectory()
        let migrations = root + "/migrations"
        let config = try write(v1, in: root, as: "config.carb")
        _ = run(.new(config: config, directory: migrations, name: "init", layout: nil,
                     allowDestructive: false, casts: [:], schemaName: nil))

        try withTemporaryDatabase { database in
            let before = run(.diff(config: config, databaseURL: database.url, format: .text, schemaName: nil))
            #expect(before.exitCode == 2, "an empty database has drifted from the config")

            var progress: [String] = []
            let apply = MigrateCommand(.apply(directory: migrations, databaseURL: database.url, dryRun: false),
                                       progress: { progress.append($0) }).run(in: environment())
            #expect(apply.exitCode == 0, "\(apply.standardError)")
            #expect(progress.contains { $0.contains("init") })

            let status = run(.status(directory: migrations, databaseURL: database.url))
            #expect(status.exitCode == 0)
            #expect(status.standardOutput.contains("init"))

            let after = run(.diff(config: config, databaseURL: database.url, format: .json, schemaName: nil))
            #expect(after.exitCode == 0, "\(after.standardOutput)\(after.standardError)")
        }
    }
}
