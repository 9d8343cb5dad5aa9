import Testing
@testable import CarburetorCore

@Suite struct TextDiagnosticRendererTests {
    let file = SourceFile(name: "app.carb", text: """
        tables {
            user {
                note -> Nullable<Txt>,
            }
            user {
            }
        }

        """)

    func range(of text: String, occurrence: Int = 0) -> SourceRange {
        var searchStart = file.text.startIndex
        var found: Range<String.Index>?
        for _ in 0...occurrence {
            found = file.text.range(of: text, range: searchStart..<file.text.endIndex)
            searchStart = found!.upperBound
        }
        let start = file.text.utf8.distance(from: file.text.startIndex, to: found!.lowerBound)
        return SourceRange(start: start, end: start + text.utf8.count)
    }

    @Test func marksTheWholeRangeWithHelpAndSummary() {
        let diagnostic = Diagnostic(severity: .error, code: DiagnosticCode("E0104"),
                                    message: "unknown type 'Txt'", range: range(of: "Txt"),
                                    help: "did you mean 'Text'?")
        let text = TextDiagnosticRenderer().render([FileDiagnostics(file: file, diagnostics: [diagnostic])])
        #expect(text == """
            app.carb:3:26: error[E0104]: unknown type 'Txt'
             3 |         note -> Nullable<Txt>,
               |                          ^~~
               = help: did you mean 'Text'?

            1 error generated.

            """)
    }

    @Test func notesPointAtTheirOwnPlace() {
        let diagnostic = Diagnostic(severity: .error, code: DiagnosticCode("E0201"),
                                    message: "table 'user' is declared twice",
                                    range: range(of: "user", occurrence: 1),
                                    notes: [DiagnosticNote("first defined here", at: range(of: "user")),
                                            DiagnosticNote("tables are identified by name")])
        let text = TextDiagnosticRenderer(includeSummary: false)
            .render([FileDiagnostics(file: file, diagnostics: [diagnostic])])
        #expect(text == """
            app.carb:5:5: error[E0201]: table 'user' is declared twice
             5 |     user {
               |     ^~~~
            app.carb:2:5: note: first defined here
             2 |     user {
               |     ^~~~
               = note: tables are identified by name


            """)
    }

    @Test func emptyRangeGetsOneCaret() {
        let offset = range(of: "Nullable").start - 1
        let diagnostic = Diagnostic(severity: .warning, code: DiagnosticCode("W0001"), message: "x",
                                    range: .empty(at: offset))
        let lines = TextDiagnosticRenderer().render(diagnostic, in: file)
        #expect(lines[2] == "   |                ^")
    }

    @Test func multiLineRangeShowsFirstAndLastLine() {
        let start = range(of: "user").start
        let end = range(of: "}", occurrence: 0).end
        let diagnostic = Diagnostic(severity: .error, code: DiagnosticCode("E0100"), message: "block",
                                    range: SourceRange(start: start, end: end))
        let lines = TextDiagnosticRenderer().render(diagnostic, in: file)
        #expect(lines == [
            "app.carb:2:5: error[E0100]: block",
            " 2 |     user {",
            "   |     ^~~~~~",
            "...",
            " 4 |     }",
            "   |     ~",
        ])
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic(severity: .error, code: DiagnosticCode("E0104"), message: "m",
                                    range: range(of: "Txt"))
        let plain = TextDiagnosticRenderer(useColor: false).render([FileDiagnostics(file: file, diagnostics: [diagnostic])])
        let coloured = TextDiagnosticRenderer(useColor: true).render([FileDiagnostics(file: file, diagnostics: [diagnostic])])
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31merror[E0104]:\u{1B}[0m"))
    }

    @Test func summaryCountsEachSeverity() {
        let error = Diagnostic(severity: .error, code: DiagnosticCode("E1"), message: "a", range: .empty(at: 0))
        let warning = Diagnostic(severity: .warning, code: DiagnosticCode("W1"), message: "b", range: .empty(at: 0))
        let files = [FileDiagnostics(file: file, diagnostics: [error, error, warning])]
        #expect(SummaryLine.make(for: files) == "2 errors, 1 warning generated.")
        #expect(SummaryLine.make(for: []) == "")
        #expect(TextDiagnosticRenderer().render([FileDiagnostics(file: file, diagnostics: [])]) == "")
    }

    @Test func tabsInTheSourceKeepTheMarkerAligned() {
        let tabbed = SourceFile(name: "t.carb", text: "\tname -> Txt\n")
        let diagnostic = Diagnostic(severity: .error, code: DiagnosticCode("E0104"), message: "m",
                                    range: SourceRange(start: 9, end: 12))
        let lines = TextDiagnosticRenderer().render(diagnostic, in: tabbed)
        #expect(lines[2] == "   | \t        ^~~")
    }
}
