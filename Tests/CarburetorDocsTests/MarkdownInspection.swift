import CarburetorDocs

/// Reads generated Markdown the way GitHub does, independently of the model
/// the backend renders from: fenced blocks, headings and their anchors, links.
struct MarkdownInspection {
    var text: String

    struct Fence {
        var language: String
        var body: String
    }

    /// Lines outside fenced code blocks, and the fenced blocks themselves.
    var proseLines: [String] { split().prose }
    var fences: [Fence] { split().fences }

    private func split() -> (prose: [String], fences: [Fence]) {
        var prose: [String] = []
        var fences: [Fence] = []
        var open: (language: String, lines: [String])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let current = open {
                    fences.append(Fence(language: current.language, body: current.lines.joined(separator: "\n")))
                    open = nil
                } else {
                    open = (String(line.dropFirst(3)), [])
                }
            } else if open != nil {
                open!.lines.append(line)
            } else {
                prose.append(line)
            }
        }
        return (prose, fences)
    }

    /// The anchors GitHub generates for this document's headings, in order.
    var anchors: [String] {
        var slugger = GitHubSlugger()
        return proseLines.compactMap { line -> String? in
            guard line.hasPrefix("#") else { return nil }
            let hashes = line.prefix { $0 == "#" }
            guard hashes.count <= 6, line.dropFirst(hashes.count).first == " " else { return nil }
            return slugger.slug(Self.renderedText(String(line.dropFirst(hashes.count + 1))))
        }
    }

    /// Inline Markdown reduced to the text a reader sees: code ticks, link
    /// syntax and backslash escapes removed.
    static func renderedText(_ markdown: String) -> String {
        var result = ""
        var characters = Array(markdown)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\\":
                if let next = characters.popFirst() { result.append(next) }
            case "`", "[":
                break
            case "]":
                // Drop a link target: `](…)`.
                if characters.first == "(" {
                    while let skipped = characters.popFirst(), skipped != ")" {}
                }
            default:
                result.append(character)
            }
        }
        return result
    }

    /// Every link target written as `[label](target)` in prose; an escaped
    /// `\\]` is text, not the end of a label.
    var linkTargets: [String] {
        var targets: [String] = []
        for line in proseLines {
            let characters = Array(line)
            var index = 0
            while index < characters.count {
                if characters[index] == "\\" { index += 2; continue }
                if characters[index] == "]", index + 1 < characters.count, characters[index + 1] == "(",
                   let close = characters[(index + 2)...].firstIndex(of: ")") {
                    targets.append(String(characters[(index + 2)..<close]))
                    index = close
                }
                index += 1
            }
        }
        return targets
    }
}
