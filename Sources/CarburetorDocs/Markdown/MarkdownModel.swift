/// A heading the docs link to. Links name the heading, not its slug: slugs
/// depend on where the heading ends up (one file per group, or one document
/// where repeated headings get numbered), so they are resolved at render time.
enum Anchor: Hashable {
    case indexTop
    case indexGroups
    case indexTables
    case indexDiagram
    /// A table's "which groups include it" section in the index.
    case tableUsage(table: String)
    case groupTop(group: String)
    case groupTables(group: String)
    case groupTable(group: String, table: String)
    case groupContext(group: String)
    case groupProtocol(group: String)
    case groupPagination(group: String)
    case groupCutoff(group: String)
    case groupUpload(group: String)
}

/// Inline Markdown content. `.text` is escaped; `.markdown` is trusted text the
/// backend wrote itself.
enum Inline {
    case markdown(String)
    case text(String)
    case code(String)
    indirect case link([Inline], to: Anchor)

    /// The text GitHub sees after rendering, which it slugs for anchors.
    var plainText: String {
        switch self {
        case .markdown(let markdown): markdown
        case .text(let text): text
        case .code(let code): code
        case .link(let label, _): label.map(\.plainText).joined()
        }
    }
}

/// A block of a Markdown document.
enum Block {
    /// A heading at a level relative to its page (the renderer may shift it).
    case heading(level: Int, [Inline], anchor: Anchor?)
    /// Any other block: paragraphs, lists, tables, fenced code. Rendered as is,
    /// with links resolved; blocks are separated by a blank line.
    case content([Inline])

    static func paragraph(_ markdown: String) -> Block { .content([.markdown(markdown)]) }
}

/// One page of the reference: a file under `--out`, or a section of the
/// single document printed on standard output.
struct Page {
    /// Path relative to the output directory.
    var path: String
    var blocks: [Block]
}
