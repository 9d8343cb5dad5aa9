import CarburetorSchema

/// How a client downloads one group: the JSON it sends and receives, with
/// examples generated from the schema, and the rules that keep a replica exact.
struct DownloadProtocolSection {
    var group: SyncGroup
    var entries: [ResolvedEntry]

    private var examples: DownloadExamples { DownloadExamples(group: group, entries: entries) }
    private var namespace: String { WireFormat.swiftNamespace(group) }

    var blocks: [Block] {
        var blocks: [Block] = [
            .heading(level: 2, [.markdown("Download protocol")], anchor: .groupProtocol(group: group.name)),
            .content([
                .markdown("A download returns, for every table of the group, the rows stamped after the offset the client sends for that table, and the new offset ("),
                .code(WireFormat.cutoffKey),
                .markdown(") to send next time. Requests and responses are JSON objects; row keys are the column names, timestamps are RFC 3339 in UTC with six fraction digits. On the server, "),
                .code(namespace + ".download"),
                .markdown(" takes a decoded "), .code(namespace + ".DownloadRequest"),
                .markdown(" and returns the "), .code(namespace + ".DownloadResponse"), .markdown(" to encode."),
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
            .markdown("Two members per table, named after its declared (singular) name: "),
            .code("<table>_offset"), .markdown(", the "), .code(WireFormat.cutoffKey),
            .markdown(" the previous response gave for that table, and "), .code("<table>_offset_id"),
            .markdown(", the "), .code(WireFormat.offsetIDResponseKey),
            .markdown(" it gave (only set after a full page). Both are "), .code("null"),
            .markdown(" (or absent) when the client has nothing stored yet. The first download of a fresh client:"),
        ]))
        blocks.append(Self.json(examples.initialRequest))
        blocks.append(.paragraph("A later download sends back what it stored:"))
        blocks.append(Self.json(examples.incrementalRequest))
        return blocks
    }

    private var response: [Block] {
        var blocks: [Block] = [.heading(level: 3, [.markdown("Response")], anchor: nil)]
        blocks.append(.content([
            .markdown("One member per table, keyed by its wire name (the plural), holding "),
            .code(WireFormat.cutoffKey), .markdown(" (the offset to store), "), .code(WireFormat.dataKey),
            .markdown(" (the changed rows, ordered by sync stamp then id, each with every server column; client-only columns are never sent), "),
            .code(WireFormat.hasMoreKey), .markdown(" and "), .code(WireFormat.offsetIDResponseKey),
            .markdown(" (see "), .link([.markdown("pagination")], to: .groupPagination(group: group.name)), .markdown("):"),
        ]))
        blocks.append(Self.json(examples.response))
        blocks.append(.paragraph("Apply each row as an upsert keyed by its id: a row that changed again since the last download arrives again with a later stamp."))
        return blocks
    }

    private var offsets: [Block] {
        var blocks: [Block] = [.heading(level: 3, [.markdown("Offsets: one per table")], anchor: nil)]
        var text: [Inline] = [
            .markdown("The client stores one offset per table **of this group**: the pair ("),
            .code(WireFormat.cutoffKey), .markdown(", "), .code(WireFormat.offsetIDResponseKey),
            .markdown(") of the table's last response, for example in a small table keyed by (group, table). The same table in another group has its own offset there, because another group may filter it differently. Store the values exactly as received, in the same local transaction as the rows they came with if the storage allows; never replace them with the client's clock or with the largest stamp among the rows."),
        ]
        if let table = firstTable {
            text += [.markdown(" Here, "), .code(WireFormat.responseKey(table) + "." + WireFormat.cutoffKey),
                     .markdown(" is sent back next time as "), .code(WireFormat.offsetKey(table)), .markdown(" and "),
                     .code(WireFormat.responseKey(table) + "." + WireFormat.offsetIDResponseKey),
                     .markdown(" as "), .code(WireFormat.offsetIDKey(table)), .markdown(".")]
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
            .markdown(" and the server stamps it again, so the next incremental download delivers it; the client then deletes or hides its local copy, and ignores a deleted row it never had (which can happen on the later pages of an initial sync)."),
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
        var blocks: [Block] = [
            .heading(level: 3, [.markdown("Pagination")], anchor: .groupPagination(group: group.name)),
            .content([
                .markdown("The server may cap the rows per table in one response (the "), .code("pageSize"),
                .markdown(" argument of "), .code(namespace + ".download"),
                .markdown("). When a table's page is full, its member has "), .code("\"\(WireFormat.hasMoreKey)\": true"),
                .markdown(", its "), .code(WireFormat.cutoffKey), .markdown(" is the stamp of the page's last row and its "),
                .code(WireFormat.offsetIDResponseKey),
                .markdown(" that row's id. Store both like any offset and download again right away: the server continues strictly after that (stamp, id) pair, so rows that share a stamp are neither skipped nor repeated, and an interrupted download resumes where it stopped. Once "),
                .code(WireFormat.hasMoreKey), .markdown(" is "), .code("false"), .markdown(", "),
                .code(WireFormat.offsetIDResponseKey), .markdown(" is "), .code("null"), .markdown(" again and "),
                .code(WireFormat.cutoffKey), .markdown(" is a real cutoff."),
            ]),
        ]
        guard let table = firstTable else { return blocks }
        blocks.append(.content([.markdown("A response in which "), .code(WireFormat.responseKey(table)),
                                .markdown(" filled its page:")]))
        blocks.append(Self.json(examples.pagedResponse))
        blocks.append(.paragraph("and the request that fetches the rest:"))
        blocks.append(Self.json(examples.requestAfterPage))
        return blocks
    }

    private var independence: [Block] {
        [
            .heading(level: 3, [.markdown("Tables are fetched independently")], anchor: nil),
            .paragraph("The server reads each table on its own, with its own cutoff; one download is not a snapshot of the whole group. A row can arrive before a row it refers to in another table (or after that row was deleted), so the client must tolerate references it cannot resolve yet and check integrity itself where it matters; the next download brings the tables up to date."),
        ]
    }

    private var cutoff: [Block] {
        [
            .heading(level: 3, [.markdown("Why no row is lost")], anchor: .groupCutoff(group: group.name)),
            .content([
                .markdown("A row is stamped while its transaction runs but becomes visible only when the transaction commits. The server therefore never reports a "),
                .code(WireFormat.cutoffKey),
                .markdown(" later than the start of the oldest transaction still open in the database, and every stamp is at least the start of the transaction that wrote it. A row committed after a download is thus stamped after that download's cutoff and arrives with the next one. A long-running transaction holds the cutoff back (changes reach clients later) but loses nothing. The server's database role needs to see other sessions' transaction start times ("),
                .code("pg_read_all_stats"),
                .markdown(" or superuser); without it the download fails rather than risk a gap. This is why the client must store the offsets it receives and nothing else."),
            ]),
        ]
    }
}
