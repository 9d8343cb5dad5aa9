import CarburetorSchema

/// A Mermaid `flowchart` of groups → tables, which GitHub renders in place.
/// Node ids are prefixed identifiers (`group_x`, `table_y`), so no name can
/// collide with Mermaid keywords such as `end`; labels are quoted and hold
/// only identifiers, spaces and `$`, `=`, `(`, `)`.
enum MermaidDiagram {
    static func groupNode(_ group: SyncGroup) -> String { "group_" + group.name }
    static func tableNode(_ table: Table) -> String { "table_" + table.name }

    static func flowchart(for schema: Schema) -> String {
        var lines = ["```mermaid", "flowchart LR"]
        for group in schema.groups {
            lines.append("    \(groupNode(group))([\"group \(group.name)\"])")
        }
        for table in schema.tables {
            let label = table.plural == table.name ? table.name : "\(table.name) (\(table.plural))"
            lines.append("    \(tableNode(table))[\"\(label)\"]")
        }
        for group in schema.groups {
            for entry in schema.resolvedEntries(of: group) {
                let from = groupNode(group)
                let to = tableNode(entry.table)
                if let restriction = entry.restriction {
                    lines.append("    \(from) -->|\"\(restriction.columnName) = $\(restriction.variable)\"| \(to)")
                } else {
                    lines.append("    \(from) --> \(to)")
                }
            }
        }
        lines.append("```")
        return lines.joined(separator: "\n")
    }
}
