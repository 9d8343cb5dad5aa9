import CarburetorSchema
import CarburetorWire
import Foundation

/// The schema as of the newest migration, stored beside the migrations as
/// canonical JSON (`carburetor.snapshot.json`), so `migrate new` and
/// `migrate check` need no database. It records what the database holds:
/// server columns only, no source ranges, no Swift-only settings.
public enum SchemaSnapshot {
    public static let fileName = "carburetor.snapshot.json"
    /// 2: the database has per-column clocks and a trigger function per
    /// table. 1 (still read): the generic `carburetor_stamp_row()` of earlier
    /// releases; the next migration upgrades it.
    static let formatVersion = 2
    static let legacyStampingFormat = 1

    /// Canonical JSON: sorted keys, two-space indentation, trailing newline
    /// (the bytes `JSONEncoder` writes with sorted keys and pretty printing).
    public static func encode(_ schema: Schema) -> String {
        Document(schema).json.rendered(.sortedLikeJSONEncoder) + "\n"
    }

    public static func decode(_ text: String, sourceName: String) throws -> Schema {
        try decodeWithLayout(text, sourceName: sourceName).schema
    }

    /// The schema, and whether the database it describes still has the
    /// stamping layout of format 1 (no clocks column, one generic function).
    public static func decodeWithLayout(_ text: String, sourceName: String) throws
        -> (schema: Schema, legacyStamping: Bool) {
        // Read directly; JSONDecoder only explains a snapshot that does not read.
        let document = try (try? JSONTree.parse(text)).flatMap(Document.init(json:))
            ?? JSONDecoder().decode(Document.self, from: Data(text.utf8))
        guard document.format == formatVersion || document.format == legacyStampingFormat else {
            throw SnapshotError.unsupportedFormat(document.format)
        }
        return (document.schema(sourceName: sourceName), document.format == legacyStampingFormat)
    }

    /// The schema reduced to what a snapshot keeps, so a freshly compiled
    /// schema compares equal to its snapshot read back.
    public static func normalized(_ schema: Schema) -> Schema {
        Document(schema).schema(sourceName: schema.sourceName)
    }

    public enum SnapshotError: Error, CustomStringConvertible {
        case unsupportedFormat(Int)
        public var description: String {
            switch self {
            case .unsupportedFormat(let format):
                "snapshot format \(format) is not supported by this version (expected \(formatVersion))"
            }
        }
    }

    struct Document: Codable {
        var format: Int
        var tables: [TableRecord]
        var groups: [GroupRecord]

        init(_ schema: Schema) {
            format = SchemaSnapshot.formatVersion
            tables = schema.tables.map(TableRecord.init)
            groups = schema.groups.map(GroupRecord.init)
        }

        init?(json: JSONTree) {
            guard let format = json["format"]?.integerValue.map(Int.init),
                  let tables = json["tables"]?.arrayValue?.map(TableRecord.init(json:)),
                  let groups = json["groups"]?.arrayValue?.map(GroupRecord.init(json:)),
                  !tables.contains(where: { $0 == nil }), !groups.contains(where: { $0 == nil }) else { return nil }
            self.format = format
            self.tables = tables.compactMap { $0 }
            self.groups = groups.compactMap { $0 }
        }

        func schema(sourceName: String) -> Schema {
            Schema(sourceName: sourceName, tables: tables.map(\.table), groups: groups.map(\.group))
        }

        var json: JSONDocument {
            // Members in sorted order, as the writer emits them.
            .members([("format", .integer(format)), ("groups", .array(groups.map(\.json))),
                      ("tables", .array(tables.map(\.json)))])
        }
    }

    struct TableRecord: Codable {
        var name: String
        var plural: String
        var pluralIsDefault: Bool
        var documentation: String?
        var columns: [ColumnRecord]

        init(_ table: Table) {
            name = table.name
            plural = table.plural
            pluralIsDefault = table.pluralIsDefault
            documentation = table.documentation
            columns = table.serverColumns.map(ColumnRecord.init)
        }

        init?(json: JSONTree) {
            guard let name = json["name"]?.stringValue, let plural = json["plural"]?.stringValue,
                  let pluralIsDefault = json["pluralIsDefault"]?.boolValue,
                  let documentation = json.optionalString("documentation"),
                  let columns = json["columns"]?.arrayValue?.map(ColumnRecord.init(json:)),
                  !columns.contains(where: { $0 == nil }) else { return nil }
            self.name = name
            self.plural = plural
            self.pluralIsDefault = pluralIsDefault
            self.documentation = documentation
            self.columns = columns.compactMap { $0 }
        }

        var table: Table {
            Table(name: name, plural: plural, pluralIsDefault: pluralIsDefault,
                  documentation: documentation, columns: columns.map(\.column))
        }

        var json: JSONDocument {
            .members([("columns", .array(columns.map(\.json))), ("documentation", JSONDocument.ifPresent(documentation)),
                      ("name", .string(name)), ("plural", .string(plural)), ("pluralIsDefault", .bool(pluralIsDefault))])
        }
    }

    struct ColumnRecord: Codable {
        var name: String
        var type: ScalarType
        var nullable: Bool
        var role: ColumnRole
        var synthesized: Bool
        var immutable: Bool
        var sqlDefault: DefaultRecord?
        var documentation: String?

        init(_ column: Column) {
            name = column.name
            type = column.type.scalar
            nullable = column.type.isNullable
            role = column.role
            synthesized = column.isSynthesized
            immutable = column.isImmutable
            sqlDefault = column.sqlDefault.map(DefaultRecord.init)
            documentation = column.documentation
        }

        init?(json: JSONTree) {
            guard let name = json["name"]?.stringValue, let type = json["type"]?.stringValue.flatMap(ScalarType.init(rawValue:)),
                  let nullable = json["nullable"]?.boolValue,
                  let role = json["role"]?.stringValue.flatMap(ColumnRole.init(rawValue:)),
                  let synthesized = json["synthesized"]?.boolValue, let immutable = json["immutable"]?.boolValue,
                  let documentation = json.optionalString("documentation") else { return nil }
            var sqlDefault: DefaultRecord?
            switch json["sqlDefault"] {
            case nil, .null?: sqlDefault = nil
            case let value?:
                guard let record = DefaultRecord(json: value) else { return nil }
                sqlDefault = record
            }
            self.name = name
            self.type = type
            self.nullable = nullable
            self.role = role
            self.synthesized = synthesized
            self.immutable = immutable
            self.sqlDefault = sqlDefault
            self.documentation = documentation
        }

        var column: Column {
            Column(name: name, type: ColumnType(type, nullable: nullable), role: role,
                   isSynthesized: synthesized, isImmutable: immutable,
                   sqlDefault: sqlDefault?.sqlDefault, documentation: documentation)
        }

        var json: JSONDocument {
            .members([("documentation", JSONDocument.ifPresent(documentation)), ("immutable", .bool(immutable)),
                      ("name", .string(name)), ("nullable", .bool(nullable)), ("role", .string(role.rawValue)),
                      ("sqlDefault", sqlDefault?.json), ("synthesized", .bool(synthesized)),
                      ("type", .string(type.rawValue))])
        }
    }

    struct DefaultRecord: Codable {
        var kind: String
        var value: String?

        init(_ sqlDefault: SQLDefault) {
            switch sqlDefault {
            case .now: kind = "now"
            case .null: kind = "null"
            case .emptyJSON: kind = "emptyJson"
            case .text(let text): kind = "text"; value = text
            case .number(let number): kind = "number"; value = number
            case .databaseSupplied: kind = "databaseSupplied"
            }
        }

        init?(json: JSONTree) {
            guard let kind = json["kind"]?.stringValue, let value = json.optionalString("value") else { return nil }
            self.kind = kind
            self.value = value
        }

        var sqlDefault: SQLDefault? {
            switch kind {
            case "now": .now
            case "null": .null
            case "emptyJson": .emptyJSON
            case "text": .text(value ?? "")
            case "number": .number(value ?? "0")
            case "databaseSupplied": .databaseSupplied
            default: nil
            }
        }

        var json: JSONDocument {
            .members([("kind", .string(kind)), ("value", JSONDocument.ifPresent(value))])
        }
    }

    struct GroupRecord: Codable {
        var name: String
        var entries: [EntryRecord]
        var contextVariables: [VariableRecord]

        init(_ group: SyncGroup) {
            name = group.name
            entries = group.entries.map(EntryRecord.init)
            contextVariables = group.contextVariables.map { VariableRecord(name: $0.name, type: $0.type) }
        }

        init?(json: JSONTree) {
            guard let name = json["name"]?.stringValue,
                  let entries = json["entries"]?.arrayValue?.map(EntryRecord.init(json:)),
                  let variables = json["contextVariables"]?.arrayValue?.map({ variable -> VariableRecord? in
                      guard let name = variable["name"]?.stringValue,
                            let type = variable["type"]?.stringValue.flatMap(ScalarType.init(rawValue:)) else { return nil }
                      return VariableRecord(name: name, type: type)
                  }),
                  !entries.contains(where: { $0 == nil }), !variables.contains(where: { $0 == nil }) else { return nil }
            self.name = name
            self.entries = entries.compactMap { $0 }
            self.contextVariables = variables.compactMap { $0 }
        }

        var group: SyncGroup {
            SyncGroup(name: name, entries: entries.map(\.entry),
                      contextVariables: contextVariables.map { ContextVariable(name: $0.name, type: $0.type) })
        }

        var json: JSONDocument {
            .members([("contextVariables", .array(contextVariables.map {
                          .members([("name", .string($0.name)), ("type", .string($0.type.rawValue))])
                      })), ("entries", .array(entries.map(\.json))), ("name", .string(name))])
        }
    }

    struct EntryRecord: Codable {
        var table: String
        var restrictTo: String?
        var restrictToColumn: String?

        init(_ entry: GroupEntry) {
            table = entry.tableName
            restrictTo = entry.restriction?.variable
            restrictToColumn = entry.restriction?.columnName
        }

        init?(json: JSONTree) {
            guard let table = json["table"]?.stringValue, let restrictTo = json.optionalString("restrictTo"),
                  let restrictToColumn = json.optionalString("restrictToColumn") else { return nil }
            self.table = table
            self.restrictTo = restrictTo
            self.restrictToColumn = restrictToColumn
        }

        var entry: GroupEntry {
            var restriction: Restriction?
            if let restrictTo, let restrictToColumn {
                restriction = Restriction(variable: restrictTo, columnName: restrictToColumn)
            }
            return GroupEntry(tableName: table, restriction: restriction)
        }

        var json: JSONDocument {
            .members([("restrictTo", JSONDocument.ifPresent(restrictTo)), ("restrictToColumn", JSONDocument.ifPresent(restrictToColumn)),
                      ("table", .string(table))])
        }
    }

    struct VariableRecord: Codable {
        var name: String
        var type: ScalarType
    }
}

extension JSONTree {
    /// An optional string member: absent or `null` is `.some(nil)`; any
    /// other value is `nil` (the record does not read).
    func optionalString(_ key: String) -> String?? {
        switch self[key] {
        case nil, .null?: .some(nil)
        case .string(let text)?: .some(text)
        default: nil
        }
    }
}

extension JSONDocument {
    /// A string member that is left out when absent, as `encodeIfPresent`
    /// wrote it (the snapshot has no `null` members).
    static func ifPresent(_ text: String?) -> JSONDocument? {
        text.map(JSONDocument.string)
    }
}
