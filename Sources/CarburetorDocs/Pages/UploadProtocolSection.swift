import CarburetorSchema
import CarburetorWire

/// How a client uploads its edits to one group: the clocks, the JSON it sends
/// and receives with examples generated from the schema, what each table
/// accepts, and the stable rejection codes.
struct UploadProtocolSection {
    var group: SyncGroup
    var entries: [ResolvedEntry]

    private var examples: UploadExamples { UploadExamples(group: group, entries: entries) }
    private var namespace: String { WireFormat.swiftNamespace(group) }

    var blocks: [Block] {
        var intro: [Inline] = [
            .markdown("A client uploads the rows it created or edited. Every column is a Last-Writer-Wins register: the server applies an uploaded value if and only if the clock of the edit is later than the clock of the value it holds, so the result does not depend on the order uploads arrive in, on duplicates or on retries. On the server, "),
            .code(namespace + ".upload"), .markdown(" takes a decoded "), .code(namespace + ".UploadRequest"),
        ]
        if group.isRestricted { intro += [.markdown(" and the "), .code(namespace + ".SyncContext")] }
        intro += [.markdown(" and returns the "), .code(namespace + ".UploadResponse"), .markdown(" to encode.")]
        var blocks: [Block] = [
            .heading(level: 2, [.markdown("Upload protocol")], anchor: .groupUpload(group: group.name)),
            .content(intro),
        ]
        blocks += clocks
        blocks += request
        blocks += response
        blocks += deletes
        return blocks
    }

    private static func json(_ value: ExampleJSON) -> Block {
        .paragraph("```json\n" + value.pretty() + "\n```")
    }

    private var clocks: [Block] {
        let example = HLCTimestamp(microseconds: UploadExamples.createdAt, node: UploadExamples.node).description
        let lead = LastWriterWins.maximumClockLead / 1_000_000
        return [
            .heading(level: 3, [.markdown("Clocks")], anchor: nil),
            .content([
                .markdown("Each edited column carries the clock of its edit, a hybrid logical clock written as text: 16 digits of microseconds since 1970 (UTC), a 5-digit counter and the device's node name (1–64 characters of "),
                .code("A–Z a–z 0–9 _ . -"), .markdown(", unique per install), for example "), .code(example),
                .markdown(". Clocks compare as text, byte by byte. A device's clock never goes back, and each reading is later than the "),
                .code(UploadWire.serverClockKey),
                .markdown(" of every upload answer the device has received. A clock more than \(lead) seconds ahead of the server's counts as the server's clock plus \(lead) seconds, so a device whose clock runs fast cannot win every conflict for ever. Writes made on the server without an upload (application code, SQL) count at the server's clock."),
            ]),
        ]
    }

    private var request: [Block] {
        var blocks: [Block] = [
            .heading(level: 3, [.markdown("Request")], anchor: nil),
            .content([
                .markdown("One member per table, keyed by its wire name (the plural); a table left out uploads nothing. Each row has its "),
                .code("id"), .markdown(", "), .code("set"),
                .markdown(" (the edited columns, each value as in a download row; "), .code("null"),
                .markdown(" clears a nullable column) and "), .code("clocks"),
                .markdown(" (the clock of each set column, and of no other). A row whose id exists is merged column by column; a row whose id does not exist is created, and the columns it leaves out take their defaults. New rows of every table:"),
            ]),
        ]
        blocks.append(Self.json(examples.request))
        guard !entries.isEmpty else { return blocks }
        var lines: [Inline] = [.markdown("What each table accepts:\n")]
        for entry in entries {
            lines += [.markdown("\n- "), .code(WireFormat.responseKey(entry.table)), .markdown(": ")]
            lines += accepts(entry)
        }
        blocks.append(.content(lines))
        return blocks
    }

    private func accepts(_ entry: ResolvedEntry) -> [Inline] {
        func codes(_ columns: [Column]) -> String {
            columns.map { MarkdownEscaping.code($0.name) }.joined(separator: ", ")
        }
        let settable = examples.setColumns(entry)
        var text: [Inline] = [.markdown(settable.isEmpty ? "sets no column" : "may set " + codes(settable))]
        let required = settable.filter(\.isRequiredToCreate)
        if !required.isEmpty { text.append(.markdown("; a new row must set " + codes(required))) }
        if let restriction = entry.restriction {
            text += [.markdown("; "), .code(restriction.columnName),
                     .markdown(" is filled in by the server from "), .code("$" + restriction.variable),
                     .markdown(" (leave it out; another tenant's value is refused, and another tenant's rows are answered as if they did not exist)")]
        }
        let immutable = settable.filter(\.isImmutable)
        if !immutable.isEmpty {
            text.append(.markdown("; " + codes(immutable) + (immutable.count == 1 ? " is" : " are")
                + " set when the row is created and never changes"))
        }
        text.append(.markdown("."))
        return text
    }

    private var response: [Block] {
        var blocks: [Block] = [
            .heading(level: 3, [.markdown("Response")], anchor: nil),
            .content([
                .markdown("One answer per uploaded row, per table, in request order, and "),
                .code(UploadWire.serverClockKey),
                .markdown(", the server's clock. An accepted row has the stamp it has now ("), .code("last_synced_at"),
                .markdown(") and the server's clock of every column it set ("), .code("clocks"),
                .markdown("); when some column lost to a later edit, "), .code("lost"),
                .markdown(" holds the server's value and clock of each such column, in the request's row shape, so the device converges without waiting for a download. A device marks a column clean when its local clock still equals the clock it uploaded; an edit made while the upload was in flight stays dirty."),
            ]),
        ]
        blocks.append(Self.json(examples.response))
        if let rejection = examples.rejection {
            blocks.append(.paragraph("A rejected row is unchanged on the server; its answer has a stable `code` and a message:"))
            blocks.append(Self.json(rejection))
        }
        var table: [Inline] = [.markdown("| Code | Meaning | What the device does |\n| --- | --- | --- |")]
        for code in UploadRejectionCode.allCases {
            let (meaning, action) = Self.describe(code)
            table.append(.markdown("\n| " + MarkdownEscaping.code(code.rawValue, inTable: true) + " | " + meaning
                + " | " + action + " |"))
        }
        blocks.append(.content(table))
        blocks.append(.paragraph("One refused row never fails the others. An upload is one transaction: interrupted at any point it applies nothing, and sending it again applies everything once."))
        return blocks
    }

    /// Every code is described here; a new code does not compile until it is.
    static func describe(_ code: UploadRejectionCode) -> (meaning: String, action: String) {
        switch code {
        case .notFound:
            ("no row with the id is visible to the uploader, and the row does not set every column a new row needs",
             "keep the row and report it")
        case .immutableChanged:
            ("the row would change a column that never changes once the row exists", "keep it, report it; create a new row instead")
        case .restrictMismatch:
            ("the row's restrict column is not the uploader's own", "keep it, report it; leave the column out")
        case .invalidRow:
            ("a set column without a clock (or the reverse), a column that cannot be uploaded, or an invalid node",
             "a client bug: report it")
        case .databaseRefused:
            ("PostgreSQL refused the values (a constraint, a value out of range)", "keep it and report the message")
        }
    }

    private var deletes: [Block] {
        var text: [Inline] = [.markdown("Deleting is an edit of the soft-delete column: upload it as "), .code("true"),
                              .markdown(" with its clock. An edit of another column made meanwhile still applies; the row stays deleted. Undeleting is uploading "),
                              .code("false"), .markdown(" with a later clock than the delete's. Rows are never removed by sync.")]
        if !entries.isEmpty {
            text.append(.markdown(" The soft-delete columns: "
                + entries.map { MarkdownEscaping.code(WireFormat.responseKey($0.table) + "." + $0.table.softDeleteColumn.name) }
                    .joined(separator: ", ") + "."))
        }
        return [.heading(level: 3, [.markdown("Deletes")], anchor: nil), .content(text)]
    }
}
