import CarburetorSchema

/// The page of one sync group: what it downloads, the context it needs, every
/// column of every table, and how to download it.
struct GroupPage {
    var schema: Schema
    var usages: TableUsages
    var group: SyncGroup

    static func path(for group: SyncGroup) -> String { "groups/\(group.name).md" }

    var page: Page {
        let entries = schema.resolvedEntries(of: group)
        var blocks: [Block] = [
            .heading(level: 1, [.markdown("Sync group "), .code(group.name)], anchor: .groupTop(group: group.name)),
            .content([.link([.markdown("Index")], to: .indexTop), .markdown(" · "),
                      .link([.markdown("Tables")], to: .groupTables(group: group.name)), .markdown(" · "),
                      .link([.markdown("Sync context")], to: .groupContext(group: group.name)), .markdown(" · "),
                      .link([.markdown("Download protocol")], to: .groupProtocol(group: group.name)), .markdown(" · "),
                      .link([.markdown("Upload protocol")], to: .groupUpload(group: group.name))]),
        ]
        if let documentation = group.documentation {
            blocks.append(.content([.text(documentation)]))
        }
        blocks.append(summary(entries))
        blocks += contextSection(entries)
        blocks += tablesSection(entries)
        blocks += DownloadProtocolSection(group: group, entries: entries).blocks
        blocks += UploadProtocolSection(group: group, entries: entries).blocks
        return Page(path: Self.path(for: group), blocks: blocks)
    }

    private func summary(_ entries: [ResolvedEntry]) -> Block {
        guard !entries.isEmpty else {
            return .paragraph("This group lists no tables: its download always returns an empty object.")
        }
        let lead = entries.count == 1
            ? "A client of this group downloads one table:"
            : "A client of this group downloads \(entries.count) tables, each tracked with its own offset:"
        var lines: [Inline] = [.markdown(lead + "\n")]
        for entry in entries {
            lines += [.markdown("\n- "), .link([.code(entry.table.name)], to: .groupTable(group: group.name, table: entry.table.name)),
                      .markdown(" (wire name "), .code(entry.table.plural), .markdown("): ")]
            lines += entry.rowsDescription
        }
        return .content(lines)
    }

    private func contextSection(_ entries: [ResolvedEntry]) -> [Block] {
        var blocks: [Block] = [.heading(level: 2, [.markdown("Sync context")], anchor: .groupContext(group: group.name))]
        let namespace = WireFormat.swiftNamespace(group)
        guard group.isRestricted else {
            blocks.append(.content([.markdown("No table of this group is restricted, so its download needs no "),
                                    .code("SyncContext"), .markdown(": every client receives every row of every table.")]))
            return blocks
        }
        blocks.append(.content([
            .markdown("Some tables of this group are restricted to the rows of one owner, so its server-side download takes the context "),
            .code(namespace + ".SyncContext"),
            .markdown(", one field per "), .code("$variable"),
            .markdown(". The server application fills it in (for example from the authenticated session); it is never part of the request, so a client cannot ask for another owner's rows."),
        ]))
        let header = "| Field | Variable | Swift type | Restricts |\n| --- | --- | --- | --- |"
        var rows: [Inline] = [.markdown(header)]
        for variable in group.contextVariables {
            let bound = entries.filter { $0.restriction?.variable == variable.name }
            var cell: [Inline] = []
            for (index, entry) in bound.enumerated() {
                if index > 0 { cell.append(.markdown(", ")) }
                cell.append(.link([.code(entry.table.name + "." + (entry.restriction?.columnName ?? ""))],
                                  to: .groupTable(group: group.name, table: entry.table.name)))
            }
            rows.append(.markdown("\n| " + MarkdownEscaping.code(WireFormat.swiftProperty(variable.name), inTable: true)
                + " | " + MarkdownEscaping.code("$" + variable.name, inTable: true)
                + " | " + MarkdownEscaping.code(TypeDescriptions.swiftName(variable.type), inTable: true) + " | "))
            rows += cell
            rows.append(.markdown(" |"))
        }
        blocks.append(.content(rows))
        return blocks
    }

    private func tablesSection(_ entries: [ResolvedEntry]) -> [Block] {
        var blocks: [Block] = [.heading(level: 2, [.markdown("Tables")], anchor: .groupTables(group: group.name))]
        guard !entries.isEmpty else { return blocks + [.paragraph("None.")] }
        blocks.append(.paragraph("The server writes each table's sync stamp on every insert and update, whatever a client sends. Immutable columns (the id among them) are set when a row is inserted; the server rejects an update that changes one with SQLSTATE `CB001`."))
        for entry in entries {
            blocks += tableBlocks(entry)
        }
        return blocks
    }

    private func tableBlocks(_ entry: ResolvedEntry) -> [Block] {
        let table = entry.table
        var blocks: [Block] = [
            .heading(level: 3, [.code(table.name)], anchor: .groupTable(group: group.name, table: table.name)),
        ]
        if let documentation = table.documentation {
            blocks.append(.content([.text(documentation)]))
        }
        var facts: [Inline] = [
            .markdown("- Wire name: "), .code(table.plural), .markdown(" (request keys "),
            .code(WireFormat.offsetKey(table)), .markdown(" and "), .code(WireFormat.offsetIDKey(table)),
            .markdown(", response key "), .code(WireFormat.responseKey(table)),
            .markdown(")\n- Swift model: "), .code(WireFormat.swiftModel(table)),
            .markdown("\n- Rows: "),
        ]
        facts += entry.rowsDescription
        if let restriction = entry.restriction {
            facts += [.markdown(" (the context's "), .code(WireFormat.swiftProperty(restriction.variable)),
                      .markdown("; the column is immutable, so a row never moves to another owner)")]
        }
        facts += [.markdown("\n- Sync stamp "), .code(table.syncColumn.name), .markdown(", soft delete "),
                  .code(table.softDeleteColumn.name), .markdown(", id "), .code(table.idColumn.name)]
        let others = usages.of(table).filter { $0.group.name != group.name }
        facts.append(.markdown("\n- Also in: "))
        if others.isEmpty {
            facts.append(.markdown("no other group"))
        } else {
            for (index, other) in others.enumerated() {
                if index > 0 { facts.append(.markdown(", ")) }
                facts.append(.link([.code(other.group.name)], to: .groupTable(group: other.group.name, table: table.name)))
            }
        }
        facts += [.markdown(" ("), .link([.markdown("all groups")], to: .tableUsage(table: table.name)), .markdown(")")]
        blocks.append(.content(facts))
        blocks.append(.paragraph(ColumnTable.markdown(for: table)))
        let clientOnly = table.columns.filter(\.isClientOnly)
        if !clientOnly.isEmpty {
            blocks.append(.content([.markdown("Client-only columns ("),
                                    .markdown(clientOnly.map { MarkdownEscaping.code($0.name) }.joined(separator: ", ")),
                                    .markdown(") live in client storage only: they are not in PostgreSQL and never on the wire.")]))
        }
        return blocks
    }
}
