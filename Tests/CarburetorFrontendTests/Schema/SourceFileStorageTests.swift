import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// `SourceFile` keeps only the bytes; these pin down that nothing else changed.
struct SourceFileStorageTests {
    @Test func validBytesAreKeptAsGiven() {
        let bytes = Array("tables {\n  café -> Text,\r\n}\n".utf8)
        let file = SourceFile(name: "t", bytes: bytes)
        #expect(file.utf8 == bytes)
        #expect(file.text == "tables {\n  café -> Text,\r\n}\n")
        #expect(file.lineStarts == [0, 9, 27, 29])
    }

    @Test func invalidBytesBecomeReplacementCharactersAsStringDecodingDoes() {
        let samples: [[UInt8]] = [
            [0x61, 0xFF, 0xFE, 0x20, 0x62],
            [0xE2, 0x82],            // truncated sequence at the end
            [0xC0, 0xAF, 0x0A, 0x41], // overlong encoding
            [0xED, 0xA0, 0x80],       // a UTF-16 surrogate
        ]
        for bytes in samples {
            let file = SourceFile(name: "t", bytes: bytes)
            #expect(file.utf8 == Array(String(decoding: bytes, as: UTF8.self).utf8))
            #expect(file.text == String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func lineStartLooksBackOrUsesTheLineTableAlike() {
        // Short lines (found by looking back) and lines longer than the
        // look-back (found in the line table), and offsets past the end.
        let lines = ["", "tables {", String(repeating: "x", count: 700), "  a -> Text", String(repeating: "é", count: 300)]
        let file = SourceFile(name: "t", text: lines.joined(separator: "\n"))
        for offset in -1...(file.utf8.count + 1) {
            let expected = file.lineStarts[file.lineIndex(of: max(0, min(offset, file.utf8.count)))]
            #expect(file.lineStart(containing: offset) == expected, "offset \(offset)")
        }
    }

    @Test func textAndBytesInitialisersAgree() {
        let text = "/// doc\ntables { a { x -> Text } }"
        #expect(SourceFile(name: "t", text: text) == SourceFile(name: "t", bytes: Array(text.utf8)))
        #expect(SourceFile(name: "t", text: "").lineStarts == [0])
    }
}

/// `DiagnosticCollector.sorted` skips sorting when already in order; both paths must agree.
struct DiagnosticOrderTests {
    private func note(_ start: Int, _ message: String) -> Diagnostic {
        Diagnostic(severity: .note, code: DiagnosticCode("N0001"), message: message,
                   range: SourceRange(start: start, end: start))
    }

    @Test func sortedIsStableForUnorderedAndOrderedInput() {
        var unordered = DiagnosticCollector()
        for (start, message) in [(5, "a"), (1, "b"), (5, "c"), (0, "d"), (1, "e")] {
            unordered.append(note(start, message))
        }
        #expect(unordered.sorted.map(\.message) == ["d", "b", "e", "a", "c"])

        var ordered = DiagnosticCollector()
        for (start, message) in [(0, "a"), (0, "b"), (3, "c")] { ordered.append(note(start, message)) }
        #expect(ordered.sorted.map(\.message) == ["a", "b", "c"])
    }
}

/// `Frontend.compile(_:includeNotes: false)` (what `check` does without
/// `--verbose`) gives the same errors and warnings, only without notes.
struct FrontendNotesTests {
    @Test func leavingNotesOutChangesNothingElse() {
        let text = """
        tables {
            user { name -> Text, email -> Txt }
            users { id -> Text }
        }
        sync_groups { g { user, nobody } }
        """
        let file = SourceFile(name: "t.carb", text: text)
        let full = Frontend.compile(file)
        let lean = Frontend.compile(file, includeNotes: false)
        #expect(full.diagnostics.contains { $0.severity == .note })
        #expect(lean.diagnostics == full.diagnostics.filter { $0.severity != .note })
        #expect(!lean.diagnostics.isEmpty)
        #expect(lean.schema == full.schema)
    }

    @Test func aCollectorThatKeepsNoNotesDropsThemEverywhere() {
        var collector = DiagnosticCollector(keepsNotes: false)
        let note = Diagnostic(severity: .note, code: DiagnosticCode("N0001"), message: "n", range: .empty(at: 0))
        let error = Diagnostic(severity: .error, code: DiagnosticCode("E0001"), message: "e", range: .empty(at: 0))
        collector.append(note)
        collector.append(contentsOf: [note, error])
        collector.note(DiagnosticCode("N0001"), "n", at: .empty(at: 0))
        #expect(collector.diagnostics == [error])
    }
}

/// Long identifiers written again share storage; their text must still be exact.
struct LongNameSharingTests {
    @Test func repeatedAndSimilarLongNamesKeepTheirOwnText() {
        let names = ["record_12345_item", "record_12345_itex", "record_12345_item", "a_much_longer_name_than_fifteen",
                     "record_12345_item", "short", "record_12345_itex"]
        var collector = DiagnosticCollector()
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: names.joined(separator: " ")), keepComments: false,
                                    diagnostics: &collector)
        #expect(tokens.filter { $0.kind == .identifier }.map(\.stringValue) == names)
        #expect(collector.diagnostics.isEmpty)
    }
}
