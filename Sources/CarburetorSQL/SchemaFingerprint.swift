import CarburetorSchema

/// A content hash of a resolved schema for generated headers: the same
/// schema always gives the same hash, on every platform and release.
///
/// The canonical form lists, line by line, every table (name, plural, doc),
/// every column (name, type, role, immutability, defaults, doc, rename) and
/// every group (name, doc, entries with restrictions), in declaration order.
/// Strings are length-prefixed so no two schemas serialize alike. Source
/// positions and the source file name are left out: moving or reformatting
/// the config does not change the hash. The hash is FNV-1a 64 of that text.
public enum SchemaFingerprint {
    public static func canonicalForm(of schema: Schema) -> String {
        var lines = ["carburetor-schema 1"]
        func text(_ value: String?) -> String {
            guard let value else { return "-" }
            return "\(value.utf8.count):\(value)"
        }
        for table in schema.tables {
            lines.append("table \(text(table.name)) plural \(text(table.plural)) doc \(text(table.documentation))"
                         + " renamed \(text(table.renamedFrom))")
            for column in table.columns {
                lines.append("  column \(text(column.name)) \(column.type.carbSpelling) \(column.role.rawValue)"
                             + " synthesized \(column.isSynthesized) immutable \(column.isImmutable)"
                             + " sql \(text(column.sqlDefault.map(describe)))"
                             + " swift \(text(column.swiftDefault)) doc \(text(column.documentation))"
                             + " renamed \(text(column.renamedFrom))")
            }
        }
        for group in schema.groups {
            lines.append("group \(text(group.name)) doc \(text(group.documentation))")
            for entry in group.entries {
                lines.append("  entry \(text(entry.tableName)) restrict \(text(entry.restriction?.variable))"
                             + " \(text(entry.restriction?.columnName))")
            }
            for variable in group.contextVariables {
                lines.append("  variable \(text(variable.name)) \(variable.type.rawValue)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `fnv1a64:` and 16 hex digits.
    public static func hash(of schema: Schema) -> String {
        "fnv1a64:" + FNV1a64.hex(canonicalForm(of: schema))
    }

    private static func describe(_ value: SQLDefault) -> String {
        switch value {
        case .now: "Now"
        case .null: "Null"
        case .emptyJSON: "EmptyJson"
        case .text(let text): "Text(\(text.utf8.count):\(text))"
        case .number(let literal): "Number(\(literal))"
        case .databaseSupplied: "sql"
        }
    }
}
