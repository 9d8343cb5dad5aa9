import CarburetorChecker
@testable import CarburetorSchema
import Foundation
@testable import CarburetorMigrate
import Testing

/// Planning stays linear in the table count. Wall-clock limits flake on a
/// loaded machine, so this counts work instead: the table-name indexes built
/// while `migrate new` and `migrate check` plan a change must not grow with
/// the number of tables (they grew with tables × columns when every change
/// to `Schema.tables` rebuilt the index, which made a 5,000-table change take
/// over a minute).
@Suite struct PlanningWorkTests {
    /// Index builds while `body` runs (on this task only).
    static func indexBuilds(_ body: () -> Void) -> Int {
        let counter = TableNameIndex.BuildCounter()
        TableNameIndex.$buildCounter.withValue(counter) { body() }
        return counter.count
    }

    /// Index builds of `migrate new` and then `migrate check` for the
    /// benchmark's change at `count` tables.
    static func buildsPlanningTheChange(tables count: Int) -> (new: Int, check: Int) {
        let v1 = ScaleTests.config(tables: count, version: 1)
        let v2 = ScaleTests.config(tables: count, version: 2)
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = MigrateNew(directory: directory, name: "init", clock: History.clock).run(schema: v1)
        #expect(first.exitStatus == .success)
        // The schemas' own lookups happen before counting, as after the front end.
        _ = v2.table(named: "t0")
        var result: MigrateCommandResult?
        let new = indexBuilds {
            result = MigrateNew(directory: directory, name: "change", clock: History.clock).run(schema: v2)
        }
        #expect(result?.exitStatus == .success)
        var checked: MigrateCommandResult?
        let check = indexBuilds { checked = MigrateCheck(directory: directory).run(schema: v2) }
        #expect(checked?.exitStatus == .success)
        return (new, check)
    }

    @Test func planningBuildsTheSameIndexesAtAnySize() {
        let small = Self.buildsPlanningTheChange(tables: 60)
        let large = Self.buildsPlanningTheChange(tables: 240)
        #expect(small.new == large.new, "migrate new: \(small.new) index builds at 60 tables, \(large.new) at 240")
        #expect(small.check == large.check, "migrate check: \(small.check) index builds at 60 tables, \(large.check) at 240")
        #expect(large.new <= 4 && large.check <= 4, "\(large)")
    }

    /// The trigger and purge functions of a table, the longest text a plan
    /// writes, are generated only for tables whose function inputs change,
    /// once each: the down plan reuses what the up plan made.
    @Test func functionsAreGeneratedOnlyWhenTheirInputsChange() {
        let v1 = ScaleTests.config(tables: 90, version: 1)
        let v2 = ScaleTests.config(tables: 90, version: 2)
        let functions = FunctionDefinitions()
        let plan = MigrationPlanner.plan(from: v1, to: v2, options: .init(), functions: functions)
        #expect(!plan.changes.isEmpty)
        let changed = zip(v1.tables, v2.tables).filter { FunctionInputs($0) != FunctionInputs($1) }.count
        #expect(changed > 0 && changed < v1.tables.count, "some tables change what their functions read")
        #expect(functions.generated == 2 * changed, "\(functions.generated) generated for \(changed) changed tables")
    }

    /// Tables equal in what `FunctionInputs` keeps have equal functions,
    /// whatever else differs: the planner may skip generating them.
    @Test func equalFunctionInputsMakeEqualFunctions() {
        let ddl = MigrationDDL()
        for table in ScaleTests.config(tables: 6, version: 2).tables {
            var other = table
            other.documentation = "changed"
            other.range = .empty(at: 42)
            other.renamedFrom = "before"
            for index in other.columns.indices {
                other.columns[index].documentation = "changed"
                other.columns[index].range = .empty(at: index)
                other.columns[index].swiftDefault = "nil"
            }
            other.columns.append(Column(name: "dirty", type: ColumnType(.bool), role: .dirtyFlag))
            #expect(FunctionInputs(table) == FunctionInputs(other))
            #expect(ddl.functions(of: table) == ddl.functions(of: other))
        }
    }

    /// Changing a schema's tables many times costs no index build until a
    /// lookup, and lookups see the change.
    @Test func changesToTablesRebuildTheIndexOnceOnLookup() throws {
        var schema = ScaleTests.config(tables: 50, version: 1)
        let builds = Self.indexBuilds {
            for index in schema.tables.indices {
                schema.tables[index].range = .empty(at: index)
                schema.tables[index].columns[0].range = .empty(at: index)
            }
            schema.tables[7].name = "renamed"
            #expect(schema.table(named: "renamed")?.plural == "t7s")
            #expect(schema.table(named: "t7") == nil)
            #expect(schema.table(named: "t8")?.range == .empty(at: 8))
        }
        #expect(builds == 1)
        // A copy keeps its own index: changing one never changes the other's lookups.
        var copy = schema
        copy.tables.removeFirst()
        #expect(schema.table(named: "t0") != nil)
        #expect(copy.table(named: "t0") == nil)
        #expect(copy.table(named: "t1")?.name == "t1")
    }
}
