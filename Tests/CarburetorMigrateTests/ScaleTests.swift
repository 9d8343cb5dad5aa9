import CarburetorChecker
import CarburetorSchema
import Foundation
@testable import CarburetorMigrate
import Testing

/// `migrate new` between two large configs. With
/// `CARBURETOR_MIGRATE_BENCH_TABLES=5000` it prints timings for the
/// benchmark in Documentation/Migrations.md; by default it runs at 500
/// tables and checks the split.
@Suite struct ScaleTests {
    static func config(tables count: Int, version: Int) -> Schema {
        let tables = (0..<count).map { index -> Table in
            var columns = [column("name", .text), column("owner_id", .text, immutable: true)]
            if version == 2, index % 2 == 0 { columns.append(column("note", .text, nullable: true)) }
            if version == 2, index % 5 == 0 { columns[0].type.isNullable = true }
            return table("t\(index)", columns)
        }
        let groups = [restrictedGroup("g", (0..<count).map { ("t\($0)", $0 % 3 == 0 ? "owner_id" : nil) })]
        return schema(tables, groups: groups)
    }

    @Test func largeConfigsPlanAndSplit() throws {
        let count = Int(ProcessInfo.processInfo.environment["CARBURETOR_MIGRATE_BENCH_TABLES"] ?? "") ?? 500
        let v1 = Self.config(tables: count, version: 1)
        let v2 = Self.config(tables: count, version: 2)
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = ContinuousClock()
        var start = clock.now
        let first = MigrateNew(directory: directory, name: "init", clock: History.clock).run(schema: v1)
        let firstTime = clock.now - start
        #expect(first.exitStatus == .success)
        start = clock.now
        let second = MigrateNew(directory: directory, name: "change", clock: History.clock).run(schema: v2)
        let secondTime = clock.now - start
        #expect(second.exitStatus == .success)
        start = clock.now
        let plan = MigrationPlanner.plan(from: v1, to: v2)
        let planTime = clock.now - start
        let migrations = try MigrationDirectory.read(directory).migrations
        // Every file fits the per-migration budget.
        #expect(migrations.allSatisfy { LockBudget.estimate(sql: $0.upSQL) <= LockBudget.defaultPerMigration })
        let initialParts = migrations.filter { $0.name.hasPrefix("init") }.count
        #expect(initialParts == max(1, Int((Double(count * 5 + count / 3) / Double(LockBudget.defaultPerMigration)).rounded(.up))))
        #expect(plan.changes.count == (0..<count).filter { $0 % 2 == 0 || $0 % 5 == 0 }.count)
        // For comparisons with other tools: each whole schema as SQL (the
        // first migration's statements, the same DDL `--emit sql` writes).
        if let out = ProcessInfo.processInfo.environment["CARBURETOR_MIGRATE_BENCH_OUT"] {
            for (name, version) in [("v1", v1), ("v2", v2)] {
                let sql = MigrationPlanner.plan(from: nil, to: version).upStatements.map { $0.sql + ";\n" }.joined()
                try sql.write(toFile: out + "/\(name).sql", atomically: true, encoding: .utf8)
            }
        }
        print("migrate new, \(count) tables: first \(firstTime) (\(initialParts) migrations), change \(secondTime); plan alone \(planTime)")
    }
}
