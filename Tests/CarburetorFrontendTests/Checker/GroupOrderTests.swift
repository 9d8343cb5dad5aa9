import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Groups are resolved after every table, wherever they are written: a group
/// block before its tables, between two tables blocks or twice over sees
/// every table, and its mistakes are reported as for groups at the end.
@Suite struct GroupOrderTests {
    private func compiledDiagnostics(_ text: String) -> [Diagnostic] {
        Frontend.compile(SourceFile(name: "groups.carb", text: text)).diagnostics
    }

    @Test func groupsBeforeTheirTablesSeeEveryTable() {
        let diagnostics = compiledDiagnostics("""
        sync_groups {
            mobile { note(restrict_to = $owner, restrict_to_column = owner_id), tag }
        }
        tables {
            note { #[immutable] owner_id -> Text, body -> Text }
            tag { label -> Text }
        }
        """)
        // Resolved early, `note` and `tag` would be unknown tables.
        #expect(diagnostics.allSatisfy { $0.severity != .error }, "\(diagnostics.map(\.message))")
    }

    @Test func aTablesBlockBetweenGroupBlocksIsResolvedLikeTheWholeTree() {
        let diagnostics = compiledDiagnostics("""
        tables { note { body -> Text } }
        sync_groups { first { note, later_table } }
        tables { later_table { body -> Text } }
        sync_groups { second { note, later_table, missing } }
        """)
        #expect(diagnostics.contains { $0.severity == .error })
    }

    @Test func groupMistakesResolvedEarlyReportWhatTheWholeTreeReports() {
        // Unknown tables with suggestions (the suggestion budget is shared
        // with the tables' misspelt types), plurals used as names, a table
        // listed twice, a group declared twice, two groups with one Swift
        // name, a variable bound to columns of two types.
        var text = "tables {\n"
        for index in 0..<40 {
            text += "    table_\(index) { #[immutable] owner_\(index) -> Txet, #[immutable] count -> BigInt }\n"
        }
        text += "}\nsync_groups {\n"
        for index in 0..<40 {
            text += "    group_\(index) { tabel_\(index), table_\(index)s, table_\(index), table_\(index),"
            text += " table_\((index + 1) % 40)(restrict_to = $v, restrict_to_column = count),"
            text += " table_\((index + 2) % 40)(restrict_to = $v, restrict_to_column = owner_\((index + 2) % 40)) }\n"
        }
        text += "    group_0 { table_1 }\n    Group_1 { table_2 }\n    group_1_ { }\n}\n"
        let diagnostics = compiledDiagnostics(text)
        let codes = Set(diagnostics.map(\.code))
        for code in [DiagnosticCode.unknownGroupTable, .duplicateGroupEntry, .duplicateGroup] {
            #expect(codes.contains(code), "no \(code)")
        }
        #expect(diagnostics.contains { $0.help?.contains("did you mean") == true })
    }

    @Test func groupsDroppedForALaterTableGiveBackTheSuggestionsTheySpent() {
        // The misspelt entries, compared with every table, use up the run's
        // suggestion budget; resolved at the end, the later table's
        // misspelt attribute is reported first and still gets its suggestion.
        let count = 450
        var text = "tables {\n"
        for index in 0..<count { text += "    table_\(index) { body -> Text }\n" }
        text += "}\nsync_groups {\n    everything {\n"
        for index in 0..<count { text += "        missing_\(index),\n" }
        text += "    }\n}\ntables { late { #[imutable] body -> Text } }\n"
        let diagnostics = compiledDiagnostics(text)
        let typo = diagnostics.first { $0.code == .unknownAttribute }
        #expect(typo?.help == "did you mean 'immutable'?", "\(String(describing: typo))")
    }

    @Test func groupsAfterADroppedOneAreResolvedAtTheEndWithIt() {
        // Found by the fuzzer: the first group resolved early is dropped for
        // a later table; a group after that table must not start early
        // resolution afresh, or the first one would be lost.
        let diagnostics = compiledDiagnostics("""
        sync_groups { mobile { user, message, message } }
        tables { message { body -> Text } }
        sync_groups { mobile { message } }
        """)
        let codes = diagnostics.map(\.code)
        #expect(codes.contains(.unknownGroupTable))
        #expect(codes.contains(.duplicateGroupEntry))
        #expect(codes.contains(.duplicateGroup))
    }
}
