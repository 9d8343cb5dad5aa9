import CarburetorCore

/// The server DDL the planner uses: identifier quoting, types, defaults,
/// derived names, the stamping trigger and the sync indexes.
public struct BuiltinDDL: MigrationDDL {
    public init() {}

    static let stampFunction = "carburetor_stamp_row"

    public func quote(_ identifier: String) -> String {
        "\"" + identifier.replacing("\"", with: "\"\"") + "\""
    }

    public func sqlType(_ type: ScalarType) -> String {
        switch type {
        case .text: "text"
        case .smallInt: "smallint"
        case .integer: "integer"
        case .bigInt: "bigint"
        case .float: "real"
        case .double: "double precision"
        case .numeric: "numeric"
        case .bool: "boolean"
        case .timestamptz: "timestamptz"
        case .timestamp: "timestamp"
        case .date: "date"
        case .time: "time"
        case .uuid: "uuid"
        case .jsonb: "jsonb"
        case .json: "json"
        case .bytea: "bytea"
        }
    }

    public func defaultExpression(for column: Column) -> String? {
        if column.role == .softDelete, column.sqlDefault == nil { return "false" }
        switch column.sqlDefault {
        case nil, .databaseSupplied?: return nil
        case .now?: return "now()"
        case .null?: return "NULL"
        case .emptyJSON?: return "'{}'"
        case .text(let text)?: return literal(text)
        case .number(let number)?: return number
        }
    }

    public func createTable(_ table: Table) -> [String] {
        let columns = table.serverColumns.map { column -> String in
            var definition = "    " + columnDefinition(column)
            if column.role == .id { definition += " PRIMARY KEY" }
            return definition
        }
        var statements = ["CREATE TABLE \(quote(table.plural)) (\n\(columns.joined(separator: ",\n"))\n)"]
        if let documentation = table.documentation {
            statements.append("COMMENT ON TABLE \(quote(table.plural)) IS \(literal(documentation))")
        }
        for column in table.serverColumns {
            if let documentation = column.documentation {
                statements.append("COMMENT ON COLUMN \(quote(table.plural)).\(quote(column.name)) IS \(literal(documentation))")
            }
        }
        return statements
    }

    public func indexes(of table: Table, in schema: Schema) -> [IndexDefinition] {
        let sync = table.syncColumn.name
        let id = table.idColumn.name
        var result = [index(on: table, name: DerivedName.make([table.plural, "sync"], suffix: "idx"),
                            columns: [sync, id])]
        var seen: Set<String> = []
        for group in schema.groups {
            for entry in group.entries where entry.tableName == table.name {
                guard let restriction = entry.restriction,
                      table.column(named: restriction.columnName) != nil,
                      seen.insert(restriction.columnName).inserted else { continue }
                let name = DerivedName.make([table.plural, restriction.columnName, "sync"], suffix: "idx")
                result.append(index(on: table, name: name, columns: [restriction.columnName, sync, id]))
            }
        }
        return result
    }

    private func index(on table: Table, name: String, columns: [String]) -> IndexDefinition {
        let list = columns.map(quote).joined(separator: ", ")
        return IndexDefinition(name: name, columns: columns,
                               createSQL: "CREATE INDEX \(quote(name)) ON \(quote(table.plural)) (\(list))")
    }

    public func trigger(of table: Table) -> TriggerDefinition {
        let name = DerivedName.make([table.plural, "stamp"], suffix: "trg")
        // Arguments: the sync column, then every column an UPDATE must not change.
        let immutable = table.serverColumns.filter { $0.isImmutable || $0.role == .id }.map(\.name)
        let arguments = ([table.syncColumn.name] + immutable).map(literal).joined(separator: ", ")
        let sql = "CREATE TRIGGER \(quote(name)) BEFORE INSERT OR UPDATE ON \(quote(table.plural)) "
            + "FOR EACH ROW EXECUTE FUNCTION \(Self.stampFunction)(\(arguments))"
        return TriggerDefinition(name: name, createSQL: sql)
    }

    public var sharedObjects: [String] {
        [
            """
            CREATE OR REPLACE FUNCTION \(Self.stampFunction)() RETURNS trigger LANGUAGE plpgsql AS $carburetor$
            DECLARE
                stamp timestamptz := clock_timestamp();
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    FOR arg_index IN 1 .. TG_NARGS - 1 LOOP
                        IF to_jsonb(NEW) -> TG_ARGV[arg_index] IS DISTINCT FROM to_jsonb(OLD) -> TG_ARGV[arg_index] THEN
                            RAISE EXCEPTION 'column "%" of table "%" cannot change', TG_ARGV[arg_index], TG_TABLE_NAME
                                USING ERRCODE = 'check_violation';
                        END IF;
                    END LOOP;
                    stamp := greatest(stamp, (to_jsonb(OLD) ->> TG_ARGV[0])::timestamptz + interval '1 microsecond');
                END IF;
                NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], stamp));
                RETURN NEW;
            END
            $carburetor$
            """,
        ]
    }

    public var dropSharedObjects: [String] {
        ["DROP FUNCTION IF EXISTS \(Self.stampFunction)()"]
    }
}

/// Deterministic names for derived objects: at most 63 bytes (PostgreSQL's
/// limit); longer ones are cut and given a short hash of the full name so
/// two long names never collide.
public enum DerivedName {
    public static let limit = 63

    public static func make(_ parts: [String], suffix: String) -> String {
        let full = (parts + [suffix]).joined(separator: "_")
        guard full.utf8.count > limit else { return full }
        let hash = String(Hashing.hex(Hashing.sha256(full)).prefix(8))
        let tail = "_\(hash)_\(suffix)"
        return truncate(full, toBytes: limit - tail.utf8.count) + tail
    }

    /// The longest prefix of `text` that fits `bytes` UTF-8 bytes without
    /// splitting a character.
    public static func truncate(_ text: String, toBytes bytes: Int) -> String {
        var result = ""
        var count = 0
        for character in text {
            let size = character.utf8.count
            if count + size > bytes { break }
            result.append(character)
            count += size
        }
        return result
    }
}
