import Foundation
import Testing
@_spi(Benchmarking) @testable import CarburetorCore

/// The parser thread must change nothing but the time taken: the same
/// diagnostics (notes included, in the same order) and the same schema as
/// the single-thread front end, including across batch boundaries.
@Suite struct FrontendThreadingTests {
    private func expectSameResult(_ file: SourceFile, _ comment: Comment? = nil) {
        for includeNotes in [true, false] {
            let single = Frontend.compile(file, includeNotes: includeNotes, threading: .singleThread)
            let threaded = Frontend.compile(file, includeNotes: includeNotes, threading: .parserThread)
            #expect(threaded.diagnostics == single.diagnostics, comment)
            #expect(threaded.schema == single.schema, comment)
        }
    }

    /// `count` tables (more than one batch's worth), some wrong in ways that
    /// relate tables across batches: a name defined again far from its first
    /// definition, an unknown type, groups naming tables from every batch.
    private func manyTables(_ count: Int, withErrors: Bool) -> String {
        var text = "tables {\n"
        for index in 0..<count {
            let name = withErrors && index == count - 3 ? "table_5" : "table_\(index)"
            let type = withErrors && index % 97 == 13 ? "Txet" : "Text"
            text += "    /// Table \(index).\n    \(name) {\n        #[id]\n        id -> Text,\n"
            text += "        #[immutable]\n        owner_id -> \(type),\n        note -> Nullable<Text>,\n    }\n"
        }
        text += "}\nsync_groups {\n    every {\n"
        for index in stride(from: 0, to: count, by: 7) {
            text += "        table_\(index)(restrict_to = $owner, restrict_to_column = owner_id),\n"
        }
        if withErrors { text += "        missing_table,\n" }
        text += "    }\n}\n"
        return text
    }

    @Test func manyTablesGiveTheSameResultOnEitherPath() {
        let batch = Frontend.tablesPerBatch
        for count in [0, 1, batch - 1, batch, batch + 1, batch * Frontend.batchesInFlight * 3 + 5] {
            for withErrors in [false, true] {
                let file = SourceFile(name: "many.carb", text: manyTables(count, withErrors: withErrors))
                expectSameResult(file, "\(count) tables, errors: \(withErrors)")
            }
        }
        // The checks above are only worth something if the inputs differ.
        let wrong = Frontend.compile(SourceFile(name: "w.carb", text: manyTables(300, withErrors: true)),
                                     includeNotes: true, threading: .parserThread)
        #expect(wrong.schema == nil)
        #expect(wrong.diagnostics.contains { $0.severity == .note })
        let right = Frontend.compile(SourceFile(name: "r.carb", text: manyTables(300, withErrors: false)),
                                     includeNotes: true, threading: .parserThread)
        #expect(right.schema?.tables.count == 300)
    }

    @Test func samplesFixturesAndBrokenInputsGiveTheSameResultOnEitherPath() throws {
        let directories = [SyntaxTestPaths.packageRoot.appendingPathComponent("samples"), SyntaxTestPaths.testFixtures]
        let files = directories.flatMap(SyntaxTestPaths.carbFiles(under:))
        #expect(files.count > 10)
        for url in files {
            expectSameResult(SourceFile(name: url.lastPathComponent, bytes: Array(try Data(contentsOf: url))),
                             "\(url.lastPathComponent)")
        }
        for text in ["", "tables {", "}}}", "tables { a { x -> } } sync_groups { g { a, b } }", "\u{FEFF}tables {}"] {
            expectSameResult(SourceFile(name: "broken.carb", text: text), "\(text)")
        }
    }

    @Test func onlyLargeInputsStartAParserThreadOnTheirOwn() {
        let threshold = FrontendThreading.parserThreadThreshold
        let small = SourceFile(name: "s", text: String(repeating: " ", count: threshold - 1))
        let large = SourceFile(name: "l", text: String(repeating: " ", count: threshold))
        #expect(!FrontendThreading.automatic.usesParserThread(for: small))
        #expect(FrontendThreading.automatic.usesParserThread(for: large))
        #expect(FrontendThreading.parserThread.usesParserThread(for: small))
        #expect(!FrontendThreading.singleThread.usesParserThread(for: large))
    }

    @Test func handoffDeliversEveryValueInOrderThroughASmallBuffer() throws {
        let handoff = Handoff<Int>(capacity: 3)
        let count = 20_000
        let producer = try #require(JoinableThread.start {
            for value in 0..<count { handoff.send(value) }
        })
        var received: [Int] = []
        for _ in 0..<count { received.append(handoff.receive()) }
        producer.join()
        #expect(received == Array(0..<count))
    }

    @Test func joinWaitsUntilTheThreadsWorkIsDone() throws {
        final class Flag: @unchecked Sendable { var isSet = false }
        let flag = Flag()
        let thread = try #require(JoinableThread.start {
            usleep(20_000)
            flag.isSet = true
        })
        thread.join()
        #expect(flag.isSet)
    }
}
