import Testing
@testable import CarburetorCore

@Suite struct ZZPreviewTests {
    @Test func timing() {
        var text = "tables {\n"
        for t in 0..<2000 {
            text += "/// Table \(t).\nentity_\(t)(plural = \"entities_\(t)\") {\n"
            for c in 0..<10 { text += "    #[default(sql = Number(\(c)))] column_number_\(c) -> Nullable<Integer>,\n" }
            text += "    #[immutable] owner_id -> Text,\n}\n"
        }
        text += "}\nsync_groups {\n"
        for g in 0..<10 {
            text += "group_\(g) {\n" + (0..<2000).map { "entity_\($0)(restrict_to = $owner, restrict_to_column = owner_id)" }.joined(separator: ",\n") + "\n}\n"
        }
        text += "}\n"
        let file = SourceFile(name: "big.carb", text: text)
        let clock = ContinuousClock()
        var diagnostics = DiagnosticCollector()
        let t0 = clock.now
        let syntax = Parser.parse(file, diagnostics: &diagnostics)
        let t1 = clock.now
        let schema = Resolver.resolve(syntax, in: file, diagnostics: &diagnostics)
        let t2 = clock.now
        print("bytes \(file.utf8.count) parse \(t1 - t0) resolve \(t2 - t1) errors \(diagnostics.hasErrors) tables \(schema.tables.count)")
        #expect(!diagnostics.hasErrors)
    }
}
