import CarburetorSchema

/// The docs backend (`--emit docs`): a Markdown reference for client
/// developers. With `--out DIR` it writes `index.md` and `groups/<group>.md`
/// (relative links that work on GitHub); without, one document with the same
/// content and in-document links.
public struct DocsGenerator: CodeGenerator {
    public init() {}

    public func files(for schema: Schema) -> [GeneratedFile] {
        MarkdownRenderer.files(for: pages(for: schema))
    }

    public func standardOutput(for schema: Schema) -> String {
        MarkdownRenderer.singleDocument(for: pages(for: schema))
    }

    private func pages(for schema: Schema) -> [Page] {
        let usages = TableUsages(schema)
        return [IndexPage(schema: schema, usages: usages).page]
            + schema.groups.map { GroupPage(schema: schema, usages: usages, group: $0).page }
    }
}
