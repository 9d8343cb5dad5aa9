// Measures `migrate new` between two large configs (build with -c release):
//
//     swift run -c release carburetor-migrate-benchmark [TABLES] [OUT-DIR]
//
// With OUT-DIR it also writes both schemas as SQL (v1.sql, v2.sql) for
// comparisons with other schema-diff tools, and as configs (v1.carb,
// v2.carb) for timing the whole `carburetor-compile migrate new` process.
import CarburetorChecker
import CarburetorSchema
import CarburetorMigrate
import Foundation

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 5000 : 5000
let sqlDirectory = arguments.count > 2 ? arguments[2] : nil

/// v1: `count` tables of three declared columns, every third restricted by
/// its owner; v2: half gain a column, a fifth relax a NOT NULL.
func config(version: Int) -> Schema {
    let tables = (0..<count).map { index -> Table in
        var columns = [
            Column(name: "id", type: ColumnType(.text), role: .id, isSynthesized: true, isImmutable: true),
            Column(name: "name", type: ColumnType(.text, nullable: version == 2 && index % 5 == 0)),
            Column(name: "owner_id", type: ColumnType(.text), isImmutable: true),
        ]
        if version == 2, index % 2 == 0 { columns.append(Column(name: "note", type: ColumnType(.text, nullable: true))) }
        columns.append(Column(name: "is_deleted", type: ColumnType(.bool), role: .softDelete, isSynthesized: true))
        columns.append(Column(name: "last_synced_at", type: ColumnType(.timestamptz), role: .syncStamp, isSynthesized: true))
        return Table(name: "t\(index)", plural: "t\(index)s", pluralIsDefault: true, columns: columns)
    }
    let entries = (0..<count).map { index in
        GroupEntry(tableName: "t\(index)",
                   restriction: index % 3 == 0 ? Restriction(variable: "user_id", columnName: "owner_id") : nil)
    }
    return Schema(sourceName: "bench.carb", tables: tables,
                  groups: [SyncGroup(name: "g", entries: entries,
                                     contextVariables: [ContextVariable(name: "user_id", type: .text)])])
}

/// CPU time of this process (all threads), in seconds: on a machine shared
/// with other work it says what a step costs better than the wall clock.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func measure<T>(_ label: String, _ body: () -> T) -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = processCPUSeconds()
    let value = body()
    let elapsed = clock.now - start
    let cpu = processCPUSeconds() - cpuStart
    print("\(label): \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))) "
        + "(CPU \(Int((cpu * 1000).rounded())) ms)")
    return value
}

let v1 = config(version: 1)
let v2 = config(version: 2)
let directory = NSTemporaryDirectory() + "carburetor-migrate-benchmark-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: directory) }

_ = measure("derived names and indexes of one schema (CarburetorSQL)") { MigrationDDL().objects(in: v1) }
let plan = measure("plan v1 → v2 (\(count) tables)") { MigrationPlanner.plan(from: v1, to: v2) }
print("  \(plan.changes.count) tables altered, \(plan.upStatements.count) statements")
let first = measure("migrate new, first migration") {
    MigrateNew(directory: directory, name: "init", clock: .fixed("20260101000000")).run(schema: v1)
}
print("  \(first.writtenFiles.count) files written")
let second = measure("migrate new, v1 → v2 (read, verify, plan, write)") {
    MigrateNew(directory: directory, name: "change", clock: .fixed("20260101000000")).run(schema: v2)
}
print("  \(second.writtenFiles.count) files written")

/// The `.carb` text that compiles to `config(version:)`.
func configText(version: Int) -> String {
    var text = "tables {\n"
    for index in 0..<count {
        let name = version == 2 && index % 5 == 0 ? "Nullable<Text>" : "Text"
        text += "    t\(index) {\n        name -> \(name),\n        #[immutable]\n        owner_id -> Text,\n"
        if version == 2, index % 2 == 0 { text += "        note -> Nullable<Text>,\n" }
        text += "    }\n"
    }
    text += "}\n\nsync_groups {\n    g {\n"
    for index in 0..<count {
        text += index % 3 == 0
            ? "        t\(index)(restrict_to = $user_id, restrict_to_column = owner_id),\n"
            : "        t\(index),\n"
    }
    return text + "    }\n}\n"
}

if let sqlDirectory {
    for (name, version) in [("v1", v1), ("v2", v2)] {
        let sql = MigrationPlanner.plan(from: nil, to: version).upStatements.map { $0.sql + ";\n" }.joined()
        try sql.write(toFile: sqlDirectory + "/\(name).sql", atomically: true, encoding: .utf8)
        try configText(version: name == "v1" ? 1 : 2)
            .write(toFile: sqlDirectory + "/\(name).carb", atomically: true, encoding: .utf8)
    }
    print("wrote \(sqlDirectory)/v1.sql, v2.sql, v1.carb and v2.carb")
}
