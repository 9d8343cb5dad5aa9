import Foundation
import CarburetorChecker
import CarburetorSchema
@testable import CarburetorMigrate

/// Hand-built schemas shaped like the resolver's output: a synthesized id
/// first, synthesized `is_deleted` and `last_synced_at` last.
func column(_ name: String, _ type: ScalarType, nullable: Bool = false, immutable: Bool = false,
            default sqlDefault: SQLDefault? = nil, renamedFrom: String? = nil, doc: String? = nil,
            range: SourceRange? = nil) -> Column {
    Column(name: name, type: ColumnType(type, nullable: nullable), isImmutable: immutable,
           sqlDefault: sqlDefault, documentation: doc, renamedFrom: renamedFrom, range: range)
}

func table(_ name: String, plural: String? = nil, renamedFrom: String? = nil, doc: String? = nil,
           range: SourceRange? = nil, _ columns: [Column]) -> Table {
    var all = [Column(name: "id", type: ColumnType(.text), role: .id, isSynthesized: true, isImmutable: true)]
    all += columns
    all.append(Column(name: "is_deleted", type: ColumnType(.bool), role: .softDelete, isSynthesized: true))
    all.append(Column(name: "last_synced_at", type: ColumnType(.timestamptz), role: .syncStamp, isSynthesized: true))
    return Table(name: name, plural: plural ?? name + "s", pluralIsDefault: plural == nil,
                 documentation: doc, columns: all, renamedFrom: renamedFrom, range: range)
}

func schema(_ tables: [Table], groups: [SyncGroup] = []) -> Schema {
    Schema(sourceName: "test.carb", tables: tables, groups: groups)
}

func restrictedGroup(_ name: String, _ entries: [(String, String?)], variable: String = "user_id",
                     type: ScalarType = .text) -> SyncGroup {
    SyncGroup(name: name,
              entries: entries.map { GroupEntry(tableName: $0.0,
                                                restriction: $0.1.map { Restriction(variable: variable, columnName: $0) }) },
              contextVariables: entries.contains { $0.1 != nil } ? [ContextVariable(name: variable, type: type)] : [])
}

extension MigrationPlan {
    var upSQL: [String] { upStatements.map(\.sql) }
    var downSQL: [String] { downStatements.map(\.sql) }
    var codes: [String] { diagnostics.map(\.code.rawValue) }
}

/// A scratch directory removed by the caller.
func temporaryDirectory() -> String {
    let path = "/tmp/carburetor-migrate-tests-\(UInt64.random(in: 0..<UInt64.max))"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

