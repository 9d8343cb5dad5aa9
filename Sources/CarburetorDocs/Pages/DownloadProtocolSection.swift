import CarburetorCore

/// How a client downloads one group: the JSON it sends and receives, with
/// examples generated from the schema, and the rules that keep a replica exact.
struct DownloadProtocolSection {
    var group: SyncGroup
    var entries: [ResolvedEntry]

    private var examples: DownloadExamples { DownloadExamples(group: group, entries: entries) }

    var blocks: [Block] {
        var blocks: [Block] = [
            .heading(level: 2, [.markdown("Download protocol")], anchor: .groupProtocol(group: group.name)),
            .content([
                .markdown("A download returns, for every table of the group, the rows stamped after the offset the client sends for that table, and the new offset (the "),
                .code(WireFormat.cutoffKey),
                .markdown(") to send next time. Requests and responses are JSON objects; row keys are the column names, timestamps are RFC 3339 in UTC with microseconds."),
            ]),
        ]
        blocks += request
        blocks += response
        blocks += offsets
        blocks += initialAndIncremental
        blocks += softDeletes
        blocks += pagination
        blocks += independence
        blocks += cutoff
        return blocks
    }

    private static func json(_ value: ExampleJSON) -> Block {
        .paragraph("```json\n" + value.pretty() + "\n```")
    }

    private var firstTable: Table? { entries.first?.table }

    private var request: [Block] {
        var blocks: [Block] = [.heading(level: 3, [.markdown("Request")], anchor: nil)]
        blocks.append(.content([
            .markdown("One member per table: "), .code("<wire name>_offset"),
            .markdown(", the cutoff the previous response gave for that table, or "), .code("null"),
            .markdown(" when the client has none yet. The first download of a fresh client:"),
        ]))
        blocks.append(Self.json(examples.initialRequest))
        blocks.append(.paragraph("A later download sends back the cutoffs it stored:"))
        blocks.append(Self.json(examples.incrementalRequest))
        return blocks
    }

    private var response: [Block] {
        var blocks: [Block] = [.heading(level: 3, [.markdown("Response")], anchor: nil)]
        blocks.append(.content([
            .markdown("One member per table, keyed by its wire name, holding "), .code(WireFormat.cutoffKey),
            .markdown(" (the offset to store) and "), .code(WireFormat.dataKey),
            .markdown(" (the changed rows, oldest stamp first, each with every server column; client-only columns are never sent):"),
        ]))
        blocks.append(Self.json(examples.response))
        blocks.append(.paragraph("Apply each row as an upsert keyed by its id: a row that changed again since the last download arrives again with a later stamp."))
        return blocks
    }

    private var offsets: [Block] {
        var blocks: [Block] = [.heading(level: 3, [.markdown("Offsets: one per table")], anchor: nil)]
        var text: [Inline] = [
            .markdown("The client stores one offset per table **of this group**, for example in a small table keyed by (group, table). The same table in another group has its own offset there, because another group may filter it differently. After applying a table's rows, store its "),
            .code(WireFormat.cutoffKey),
            .markdown(" exactly as received, in the same local transaction as the rows if the storage allows; never replace it with the client's clock or with the largest stamp among the rows."),
        ]
        if let table = firstTable {
            text += [.markdown(" Here that is the value of "), .code(WireFormat.responseKey(table) + "." + WireFormat.cutoffKey),
                     .markdown(", sent back next time as "), .code(WireFormat.offsetKey(table)), .markdown(".")]
        }
        blocks.append(.content(text))
        return blocks
    }

    private var initialAndIncremental: [Block] {
        [
            .heading(level: 3, [.markdown("Initial and incremental sync")], anchor: nil),
            .content([
                .markdown("- **Initial sync** (offset "), .code("null"),
                .markdown("): the server sends every live row of the table up to the cutoff. Soft-deleted rows are left out, since the client never had them.\n"),
                .markdown("- **Incremental sync** (offset set): the server sends the rows stamped after the offset and not after the new cutoff, deleted ones included. A table with no changes comes back with an empty "),
                .code(WireFormat.dataKey), .markdown(" and a cutoff that may have moved on; store it all the same.\n"),
                .markdown("- To start over (a reset, a schema change on the client), drop the table's local rows and its offset and download with "),
                .code("null"), .markdown(" again. Tables can be reset one at a time."),
            ]),
        ]
    }

    private var softDeletes: [Block] {
        var text: [Inline] = [
            .markdown("Rows are never removed through sync. Deleting a row sets its soft-delete column to "),
            .code("true"),
            .markdown(" and the server stamps it again, so the next incremental download delivers it; the client then deletes or hides its local copy."),
        ]
        if !entries.isEmpty {
            text.append(.markdown(" The soft-delete columns of this group: "))
            text.append(.markdown(entries.map { MarkdownEscaping.code($0.table.name + "." + $0.table.softDeleteColumn.name) }
                .joined(separator: ", ")))
            text.append(.markdown("."))
        }
        return [.heading(level: 3, [.markdown("Soft deletes")], anchor: nil), .content(text)]
    }

    private var pagination: [Block] {
        [
            .heading(level: 3, [.markdown("Pagination")], anchor: .groupPagination(group: group.name)),
            .content([
                .markdown("A request may carry "), .code("\"\(WireFormat.pageSizeKey)\": n"),
                .markdown(" to receive at most n rows per table. Rows come ordered by (sync stamp, id). When a table's page is full, its member in the response also holds a "),
                .code(WireFormat.continuationKey),
                .markdown("; send the same offset again together with that value as "),
                .code("<wire name>_continuation"),
                .markdown(" to get the next page. The continuation points between two rows even when they share a stamp, so no row is skipped or repeated. Store the table's "),
                .code(WireFormat.cutoffKey),
                .markdown(" only once a page comes back without a continuation; until then keep the old offset, so an interrupted download resumes safely."),
            ]),
        ]
    }

    private var independence: [Block] {
        [
            .heading(level: 3, [.markdown("Tables are fetched independently")], anchor: nil),
            .paragraph("The server reads each table in its own query, with its own cutoff; one download is not a snapshot of the whole group. A row can arrive before a row it refers to in another table (or after it was deleted there), so the client must tolerate references it cannot resolve yet and check integrity itself where it matters; the next download brings the tables up to date."),
        ]
    }

    private var cutoff: [Block] {
        [
            .heading(level: 3, [.markdown("Why no row is lost")], anchor: .groupCutoff(group: group.name)),
            .content([
                .markdown("A row is stamped when its transaction writes it but becomes visible only when the transaction commits. The server therefore never reports a "),
                .code(WireFormat.cutoffKey),
                .markdown(" later than the start of the oldest write transaction still open, and every stamp is at least the start of the transaction that wrote it. A row committed after a download is thus stamped after that download's cutoff and arrives with the next one. A long-running write transaction holds the cutoff back (downloads return changes a little later) but loses nothing. This is why the client must store the cutoff it receives and nothing else."),
            ]),
        ]
    }
}
