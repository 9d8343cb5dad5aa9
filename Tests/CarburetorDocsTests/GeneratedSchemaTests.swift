import CarburetorChecker
import CarburetorSchema
import CarburetorDocs
import CarburetorTestSupport
import Foundation
import Testing

/// The structural guarantees hold for many schemas, not only the fixtures:
/// seeded pseudo-random schemas whose names mimic section headings and
/// Mermaid keywords, with every column type and random restrictions.
@Suite struct GeneratedSchemaTests {
    static let words = ["end", "request", "response", "tables", "pagination", "sync_context", "user", "graph",
                        "subgraph", "style", "class", "a", "b_c", "diagram", "soft_deletes", "id_card"]

    static func schema(seed: UInt64) -> Schema {
        var random = SplitMix64(seed: seed)
        let tableNames = Array(words.shuffled(using: &random).prefix(Int.random(in: 1...6, using: &random)))
        let tables = tableNames.map { name -> Table in
            var columns = [HandBuiltSchemas.column("owner", .text, immutable: true)]
            for (index, scalar) in ScalarType.allCases.shuffled(using: &random).prefix(5).enumerated() {
                columns.append(HandBuiltSchemas.column("c\(index)_\(scalar.rawValue.lowercased())", scalar,
                                                       nullable: Bool.random(using: &random),
                                                       doc: Bool.random(using: &random) ? "Doc | with *markup* <b>" : nil))
            }
            return HandBuiltSchemas.table(name, doc: Bool.random(using: &random) ? "Table `\(name)`" : nil, columns)
        }
        let groupNames = Array(words.shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random)))
        let groups = groupNames.map { name -> SyncGroup in
            let members = tableNames.filter { _ in Bool.random(using: &random) }
            let entries = members.map { table in
                Bool.random(using: &random) ? HandBuiltSchemas.restricted(table, "owner", "owner") : GroupEntry(tableName: table)
            }
            let restricted = entries.contains { $0.restriction != nil }
            return SyncGroup(name: name, entries: entries,
                             contextVariables: restricted ? [ContextVariable(name: "owner", type: .text)] : [])
        }
        return Schema(sourceName: "generated.carb", tables: tables, groups: groups)
    }

    @Test(arguments: 1...40)
    func invariantsHold(seed: Int) throws {
        let schema = Self.schema(seed: UInt64(seed))
        let files = DocsGenerator().files(for: schema)
        StructureTests.checkLinks(files, requireLinks: false)

        let single = MarkdownInspection(text: DocsGenerator().standardOutput(for: schema))
        let anchors = Set(single.anchors)
        for target in single.linkTargets {
            #expect(target.hasPrefix("#") && anchors.contains(String(target.dropFirst())), "seed \(seed): \(target)")
        }
        for diagram in single.fences where diagram.language == "mermaid" {
            #expect(MermaidValidation.problems(in: diagram.body) == [], "seed \(seed)")
        }
        for group in schema.groups {
            let page = try #require(files.first { $0.path == "groups/\(group.name).md" })
            let tables = group.entries.compactMap { schema.table(named: $0.tableName) }
            let blocks = MarkdownInspection(text: page.contents).fences.filter { $0.language == "json" }
            let values = try blocks.map { try JSONSerialization.jsonObject(with: Data($0.body.utf8)) }
            try #require(values.count >= 3)
            _ = try JSONExampleTests.checkRequest(values[0], tables: tables)
            _ = try JSONExampleTests.checkResponse(values[2], tables: tables)
        }
        #expect(files.count == 1 + schema.groups.count)
    }
}
