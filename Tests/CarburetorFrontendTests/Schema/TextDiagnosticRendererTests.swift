import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

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

@Suite struct LongLineRenderingTests {
    @Test func aLongLineIsCutToAWindowAroundTheMarker() {
        let columns = (0..<100).map { "column_\($0) -> Text" }.joined(separator: ", ")
        let text = "tables { t { " + columns + ", bad -> Txt } }"
        let file = SourceFile(name: "one-line.carb", text: text)
        let start = text.utf8.count - "Txt } }".utf8.count
        let diagnostic = Diagnostic(severity: .error, code: DiagnosticCode("E0210"), message: "unknown type 'Txt'",
                                    range: SourceRange(start: start, end: start + 3))
        let lines = TextDiagnosticRenderer().render(diagnostic, in: file)
        #expect(lines[0].hasPrefix("one-line.carb:1:\(start + 1):"))
        #expect(lines[1].hasPrefix(" 1 | ..."))
        #expect(lines[1].hasSuffix("bad -> Txt } }"))
        #expect(lines[1].count <= 170)
        // The marker still sits under 'Txt'.
        let markerColumn = lines[2].distance(from: lines[2].startIndex, to: lines[2].firstIndex(of: "^")!)
        let textColumn = lines[1].distance(from: lines[1].startIndex, to: lines[1].range(of: "Txt")!.lowerBound)
        #expect(markerColumn == textColumn)
        #expect(lines[2].hasSuffix("^~~"))
    }

    @Test func aShortLineIsShownWhole() {
        let window = TextDiagnosticRenderer.window(width: 11, from: 9, to: 12)
        #expect(window.columns == 1..<12)
        #expect(!window.cutLeft && !window.cutRight)
        #expect(window.first == 9 && window.last == 12)
    }

    @Test func manyDiagnosticsOnOneHugeLineRenderInLinearTime() {
        // 20,000 errors on one 140 KB line: rendering must not count columns
        // from the line's start for each of them.
        let text = String(repeating: "tables ", count: 20_000)
        let file = SourceFile(name: "huge.carb", text: text)
        let diagnostics = (0..<20_000).map { index in
            Diagnostic(severity: .error, code: DiagnosticCode("E0104"), message: "again",
                       range: SourceRange(start: index * 7, end: index * 7 + 6),
                       notes: [DiagnosticNote("first", at: SourceRange(start: 0, end: 6))])
        }
        let report = [FileDiagnostics(file: file, diagnostics: diagnostics)]
        let (rendered, seconds) = measureThreadCPU {
            [TextDiagnosticRenderer().render(report), JSONDiagnosticRenderer().render(report),
             GitHubDiagnosticRenderer().render(report), SARIFDiagnosticRenderer().render(report)]
        }
        #expect(seconds < 20, "took \(seconds) s of CPU")
        #expect(rendered[0].contains("huge.carb:1:139994: error[E0104]: again"))
        #expect(rendered[2].contains("line=1,col=139994,endLine=1,endColumn=140000"))
    }

    @Test func locatorAgreesWithTheSourceFile() {
        let file = SourceFile(name: "t", text: "ab\né x\r\n\tz\n")
        let locator = SourceLocator(file)
        for offset in 0...file.utf8.count {
            #expect(locator.location(of: offset) == file.location(of: offset), "offset \(offset)")
        }
        #expect(locator.width(ofLine: 1) == 3)
        #expect(locator.text(ofLine: 1, columns: 2..<4) == " x")
        #expect(locator.firstNonBlankColumn(ofLine: 2) == 2)
    }
}
