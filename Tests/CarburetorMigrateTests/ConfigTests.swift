import CarburetorChecker
import CarburetorSchema
import Foundation
@testable import CarburetorMigrate
import Testing

/// `migrate new` and `check` from `.carb` text, through the real front end.
@Suite struct ConfigTests {
    func source(_ text: String) -> SourceFile { SourceFile(name: "app.carb", text: text) }

    /// The schema of a config without errors (the driver compiles configs for the commands).
    func schema(_ text: String) throws -> Schema {
        let compiled = Frontend.compile(source(text))
        return try #require(compiled.schema, "\(compiled.diagnostics)")
    }

    let v1 = """
        tables {
            phone_book(plural = "phone_books") {
                name -> Text,
                #[immutable]
                owner_id -> Text,
            }
        }
        sync_groups {
            mobile { phone_book(restrict_to = $user_id, restrict_to_column = owner_id) }
        }
        """

    let v2 = """
        tables {
            #[renamed_from(phone_book)]
            contact {
                #[renamed_from(name)]
                full_name -> Text,
                #[immutable]
                owner_id -> Text,
                age -> Integer,
            }
        }
        sync_groups {
            mobile { contact(restrict_to = $user_id, restrict_to_column = owner_id) }
        }
        """

    @Test func tableAndColumnRenamesFromConfig() throws {
        let compiled = Frontend.compile(source(v2))
        #expect(!compiled.hasErrors, "\(compiled.diagnostics)")
        #expect(compiled.schema?.tables.first?.renamedFrom == "phone_book")
        #expect(compiled.schema?.tables.first?.column(named: "full_name")?.renamedFrom == "name")

        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = MigrateNew(directory: directory, name: "init", clock: History.clock).run(schema: try schema(v1))
        #expect(first.exitStatus == .success, "\(first.errors) \(first.diagnostics)")

        // The new NOT NULL column without a default is refused, pointing at its line.
        let refused = MigrateNew(directory: directory, name: "contacts", clock: History.clock).run(schema: try schema(v2))
        #expect(refused.exitStatus == .failure)
        let lint = try #require(refused.diagnostics.first { $0.code.rawValue == "MF103" })
        #expect(SourceFile(name: "app.carb", text: v2).location(of: lint.range.start).line == 8)

        let fixed = v2.replacing("age -> Integer", with: "age -> Nullable<Integer>")
        let written = MigrateNew(directory: directory, name: "contacts", clock: History.clock).run(schema: try schema(fixed))
        #expect(written.exitStatus == .success, "\(written.errors) \(written.diagnostics)")
        #expect(Set(written.diagnostics.filter { $0.severity != .note }.map(\.code.rawValue)) == ["BC101", "BC102"])
        let up = try #require(try MigrationDirectory.read(directory).migrations.last?.upSQL)
        #expect(up.contains("ALTER TABLE \"phone_books\" RENAME TO \"contacts\""))
        #expect(up.contains("ALTER TABLE \"contacts\" RENAME COLUMN \"name\" TO \"full_name\""))
        #expect(!up.contains("DROP TABLE"))
        #expect(MigrateCheck(directory: directory).run(schema: try schema(fixed)).exitStatus == .success)
    }

    @Test func tableAttributesOtherThanRenamedFromAreErrors() {
        let result = Frontend.compile(source("tables {\n    #[immutable]\n    user { name -> Text }\n}\n"))
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue) == ["E0214"])
        let missing = Frontend.compile(source("tables {\n    #[renamed_from]\n    user { name -> Text }\n}\n"))
        #expect(missing.hasErrors)
    }

    /// The package root, three levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// Configs written for carburetor-rs, copied from its repository: the
    /// folder exists only beside the checkout in CI (`../shared/real-configs`)
    /// and is not part of the project.
    static let realConfigs = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/real-configs")
    /// The project's own configs of the same shape.
    static let frameworkShapedConfigs = packageRoot.appendingPathComponent("Tests/CarburetorFrontendTests/Fixtures/framework")

    /// Each config plans from scratch, then to nothing, and passes `check`;
    /// fails when the folder holds no config.
    func expectPlansFromScratchAndAgainToNothing(configsIn folder: URL) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".carb") }.sorted()
        try #require(!names.isEmpty, "no .carb files in \(folder.path)")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let compiled = Frontend.compile(SourceFile(name: name, text: text))
            let schema = try #require(compiled.schema, "\(name): \(compiled.diagnostics)")
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let first = MigrateNew(directory: directory, name: "init", clock: History.clock).run(schema: schema)
            #expect(first.exitStatus == .success, "\(name): \(first.errors)")
            #expect(!first.writtenFiles.isEmpty, "\(name)")
            let again = MigrateNew(directory: directory, name: "again", clock: History.clock).run(schema: schema)
            #expect(again.writtenFiles.isEmpty, "\(name)")
            #expect(MigrateCheck(directory: directory).run(schema: schema).exitStatus == .success, "\(name)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ConfigTests.realConfigs.path),
                   "../shared/real-configs exists only beside the checkout in CI"))
    func realConfigsPlanFromScratchAndAgainToNothing() throws {
        try expectPlansFromScratchAndAgainToNothing(configsIn: Self.realConfigs)
    }

    @Test func frameworkShapedConfigsPlanFromScratchAndAgainToNothing() throws {
        try expectPlansFromScratchAndAgainToNothing(configsIn: Self.frameworkShapedConfigs)
    }
}
