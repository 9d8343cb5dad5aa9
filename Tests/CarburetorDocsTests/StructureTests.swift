import CarburetorChecker
import CarburetorSchema
import CarburetorDocs
import Foundation
import Testing

/// Checks on the generated Markdown as GitHub would read it.
@Suite struct StructureTests {
    /// Every relative link in the written files names a written file and a
    /// heading anchor that exists in it.
    @Test(arguments: Fixtures.names)
    func relativeLinksResolve(fixture: String) throws {
        Self.checkLinks(DocsGenerator().files(for: try Fixtures.schema(fixture)))
    }

    /// Tables named like the page's own sections: GitHub numbers the repeated
    /// headings, and every link must still land on the right one.
    @Test func tablesNamedLikeSectionsKeepLinksRight() throws {
        let names = ["pagination", "tables", "request", "sync_context", "diagram"]
        let tables = names.map { HandBuiltSchemas.table($0, [HandBuiltSchemas.column("owner", .text, immutable: true)]) }
        let schema = Schema(sourceName: "input.carb", tables: tables, groups: [
            SyncGroup(name: "tables", entries: names.map { HandBuiltSchemas.restricted($0, "owner", "owner") },
                      contextVariables: [ContextVariable(name: "owner", type: .text)]),
            SyncGroup(name: "pagination", entries: names.reversed().map { GroupEntry(tableName: $0) }),
        ])
        Self.checkLinks(DocsGenerator().files(for: schema))
        let single = MarkdownInspection(text: DocsGenerator().standardOutput(for: schema))
        for target in single.linkTargets {
            #expect(single.anchors.contains(String(target.dropFirst())), "no anchor for \(target)")
        }
        // The group page's link to its pagination section skips the table called `pagination`.
        let page = DocsGenerator().files(for: schema).first { $0.path == "groups/tables.md" }!
        #expect(page.contents.contains("[pagination](#pagination-1)"))
    }

    static func checkLinks(_ files: [GeneratedFile], requireLinks: Bool = true) {
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
        #expect(!requireLinks || checked > 0)
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

@Suite struct EdgeCaseTests {
    @Test func emptySchemaGivesAnIndexOnly() {
        let schema = Schema(sourceName: "<stdin>", tables: [], groups: [])
        let files = DocsGenerator().files(for: schema)
        #expect(files.map(\.path) == ["index.md"])
        #expect(files[0].contents.contains("defines no sync group"))
        #expect(files[0].contents.contains("defines no table"))
        #expect(MermaidValidation.problems(in: "flowchart LR") == [])
        #expect(DocsGenerator().standardOutput(for: schema) == files[0].contents)
    }

    /// A table in no group is still listed, says so, and is a lone diagram node.
    @Test func tableInNoGroupIsListed() throws {
        let output = DocsGenerator().standardOutput(for: try Fixtures.schema("every_type"))
        #expect(output.contains("No sync group includes this table"))
        #expect(output.contains("table_audit_entry[\"audit_entry (audit_entries)\"]"))
    }
}
