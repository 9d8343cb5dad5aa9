import CarburetorCore
import CarburetorDocs
import Foundation
import Testing

/// Checks on the generated Markdown as GitHub would read it.
@Suite struct StructureTests {
    /// Every relative link in the written files names a written file and a
    /// heading anchor that exists in it.
    @Test(arguments: Fixtures.names)
    func relativeLinksResolve(fixture: String) throws {
        let files = DocsGenerator().files(for: try Fixtures.schema(fixture))
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, MarkdownInspection(text: $0.contents)) })
        var checked = 0
        for file in files {
            for target in byPath[file.path]!.linkTargets {
                #expect(!target.contains("://"), "unexpected absolute link \(target) in \(file.path)")
                let (path, fragment) = Self.split(target)
                let resolved = path.isEmpty ? file.path : Self.resolve(path, from: file.path)
                guard let document = byPath[resolved] else {
                    Issue.record("\(file.path): link \(target) names no written file (\(resolved))")
                    continue
                }
                if let fragment {
                    #expect(document.anchors.contains(fragment), "\(file.path): no anchor \(fragment) in \(resolved)")
                }
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    /// The single document links only inside itself, to anchors it has.
    @Test(arguments: Fixtures.names)
    func singleDocumentLinksResolve(fixture: String) throws {
        let document = MarkdownInspection(text: DocsGenerator().standardOutput(for: try Fixtures.schema(fixture)))
        let anchors = Set(document.anchors)
        #expect(document.linkTargets.count > 0)
        for target in document.linkTargets {
            #expect(target.hasPrefix("#"), "single document links elsewhere: \(target)")
            #expect(anchors.contains(String(target.dropFirst())), "no anchor for \(target)")
        }
    }

    @Test(arguments: Fixtures.names)
    func mermaidBlocksAreWellFormed(fixture: String) throws {
        let generated = DocsGenerator().files(for: try Fixtures.schema(fixture))
        let diagrams = generated.flatMap { MarkdownInspection(text: $0.contents).fences.filter { $0.language == "mermaid" } }
        #expect(diagrams.count == 1)
        for diagram in diagrams {
            #expect(MermaidValidation.problems(in: diagram.body) == [])
        }
    }

    @Test func mermaidValidationCatchesMistakes() {
        #expect(!MermaidValidation.problems(in: "flowchart LR\n    a[\"x\"]\n    a --> b").isEmpty)
        #expect(!MermaidValidation.problems(in: "flowchart LR\n    a[\"x\"\n").isEmpty)
        #expect(!MermaidValidation.problems(in: "flowchart LR\n    a[\"x|y\"]").isEmpty)
        #expect(MermaidValidation.problems(in: "flowchart LR\n    a([\"x\"])\n    b[\"y (z)\"]\n    a -->|\"c = $d\"| b") == [])
    }

    /// Every table of the schema appears in the index, and every group has a page.
    @Test(arguments: Fixtures.names)
    func indexListsEveryGroupAndTable(fixture: String) throws {
        let schema = try Fixtures.schema(fixture)
        let files = DocsGenerator().files(for: schema)
        #expect(files.map(\.path) == ["index.md"] + schema.groups.map { "groups/\($0.name).md" })
        let index = MarkdownInspection(text: files[0].contents)
        for table in schema.tables {
            #expect(index.anchors.contains(GitHubSlugger.baseSlug(table.name)))
        }
        for group in schema.groups {
            #expect(index.linkTargets.contains("groups/\(group.name).md"))
        }
    }

    private static func split(_ target: String) -> (String, String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
        return (String(target[..<hash]), String(target[target.index(after: hash)...]))
    }

    private static func resolve(_ path: String, from source: String) -> String {
        var components = source.split(separator: "/").dropLast().map(String.init)
        for component in path.split(separator: "/") {
            if component == ".." { _ = components.popLast() } else if component != "." { components.append(String(component)) }
        }
        return components.joined(separator: "/")
    }
}
