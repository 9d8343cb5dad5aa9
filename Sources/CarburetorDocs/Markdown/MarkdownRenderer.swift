import CarburetorSchema

/// Turns pages into Markdown text, resolving every `Anchor` link to a
/// relative path and the slug GitHub will generate for the target heading.
struct MarkdownRenderer {
    private struct Target {
        var documentPath: String
        var slug: String
        /// The document's first heading: a link from elsewhere names the file alone.
        var isDocumentTitle: Bool
    }

    /// One output document: pages laid one after another, each with a heading shift.
    private struct Document {
        var path: String
        var parts: [(page: Page, headingShift: Int)]
    }

    /// One file per page, under `--out`.
    static func files(for pages: [Page]) -> [GeneratedFile] {
        let documents = pages.map { Document(path: $0.path, parts: [($0, 0)]) }
        let targets = resolveTargets(in: documents)
        return documents.map { document in
            GeneratedFile(path: document.path, contents: render(document, targets: targets, singleDocument: false))
        }
    }

    /// All pages in one document: the first page as written, the others one
    /// heading level deeper so they nest under it.
    static func singleDocument(for pages: [Page]) -> String {
        let parts = pages.enumerated().map { index, page in (page: page, headingShift: index == 0 ? 0 : 1) }
        let document = Document(path: "", parts: parts)
        let targets = resolveTargets(in: [document])
        return render(document, targets: targets, singleDocument: true)
    }

    private static func resolveTargets(in documents: [Document]) -> [Anchor: Target] {
        var targets: [Anchor: Target] = [:]
        for document in documents {
            var slugger = GitHubSlugger()
            var isFirst = true
            for part in document.parts {
                for case .heading(_, let inlines, let anchor) in part.page.blocks {
                    let slug = slugger.slug(inlines.map(\.plainText).joined())
                    if let anchor {
                        precondition(targets[anchor] == nil, "anchor \(anchor) defined twice")
                        targets[anchor] = Target(documentPath: document.path, slug: slug, isDocumentTitle: isFirst)
                    }
                    isFirst = false
                }
            }
        }
        return targets
    }

    private static func render(_ document: Document, targets: [Anchor: Target], singleDocument: Bool) -> String {
        var blocks: [String] = []
        for part in document.parts {
            for block in part.page.blocks {
                switch block {
                case .heading(let level, let inlines, _):
                    let shifted = min(level + part.headingShift, 6)
                    // A heading is one line, whatever its text holds.
                    let text = LineTerminators.singleLine(render(inlines, from: document.path, targets: targets))
                    blocks.append(String(repeating: "#", count: shifted) + " " + text)
                case .content(let inlines):
                    blocks.append(render(inlines, from: document.path, targets: targets))
                }
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ inlines: [Inline], from path: String, targets: [Anchor: Target]) -> String {
        var result = ""
        for inline in inlines {
            switch inline {
            case .markdown(let markdown):
                result += markdown
            case .text(let text):
                result += MarkdownEscaping.escapeParagraphs(text)
            case .code(let code):
                result += MarkdownEscaping.code(code)
            case .link(let label, let anchor):
                guard let target = targets[anchor] else {
                    preconditionFailure("link to undefined anchor \(anchor)")
                }
                let label = render(label, from: path, targets: targets)
                result += "[\(label)](\(href(to: target, from: path)))"
            }
        }
        return result
    }

    private static func href(to target: Target, from path: String) -> String {
        if target.documentPath == path { return "#" + target.slug }
        let file = relativePath(from: path, to: target.documentPath)
        return target.isDocumentTitle ? file : file + "#" + target.slug
    }

    /// `groups/a.md` → `index.md` is `../index.md`; `index.md` → `groups/a.md` is `groups/a.md`.
    static func relativePath(from source: String, to destination: String) -> String {
        let sourceDirectories = source.split(separator: "/").dropLast()
        let destinationComponents = destination.split(separator: "/")
        let destinationDirectories = destinationComponents.dropLast()
        var common = 0
        while common < sourceDirectories.count, common < destinationDirectories.count,
              sourceDirectories[sourceDirectories.startIndex + common]
                == destinationDirectories[destinationDirectories.startIndex + common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: sourceDirectories.count - common)
        let rest = destinationComponents.dropFirst(common).map(String.init)
        return (ups + rest).joined(separator: "/")
    }
}
