import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// libFuzzer calls this with each input; libFuzzer itself provides `main`.
///
/// Any bytes at all go through the whole front end (lexer, parser, resolver).
/// A crash, a sanitizer report, a hang or a broken invariant is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontend(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let file = SourceFile(name: "fuzz.carb", bytes: bytes)
    let result = Frontend.compile(file)
    let length = file.utf8.count
    var diagnostics = DiagnosticCollector()
    let syntax = Parser.parse(file, diagnostics: &diagnostics)
    precondition(syntax.range == SourceRange(start: 0, end: length), "config range must cover the file")
    // Without notes, the errors and warnings are the same.
    let withoutNotes = Frontend.compile(file, includeNotes: false)
    precondition(withoutNotes.diagnostics == result.diagnostics.filter { $0.severity != .note },
                 "leaving notes out changed the other diagnostics")
    precondition(withoutNotes.schema == result.schema, "leaving notes out changed the schema")
    for diagnostic in result.diagnostics {
        precondition(diagnostic.range.end <= length, "diagnostic range past the end of the file")
        for note in diagnostic.notes {
            precondition((note.range?.end ?? 0) <= length, "note range past the end of the file")
        }
    }
    precondition(result.hasErrors == (result.schema == nil), "a schema exactly when there are no errors")
    checkTokensCoverTheFile(file)
    return 0
}

/// With comments kept (as the formatter lexes), tokens are in order, never
/// overlap, end at the end of the file, and only whitespace lies between them.
private func checkTokensCoverTheFile(_ file: SourceFile) {
    var diagnostics = DiagnosticCollector()
    let tokens = Lexer.tokenize(file, keepComments: true, diagnostics: &diagnostics)
    let bytes = file.utf8
    var covered = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    for token in tokens {
        precondition(token.range.start >= covered, "tokens overlap")
        var newlines = 0
        for byte in bytes[covered..<token.range.start] {
            precondition([0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(byte), "non-whitespace between tokens")
            if byte == 0x0A { newlines += 1 }
        }
        precondition(token.newlinesBefore == newlines, "newlinesBefore is wrong")
        covered = token.range.end
    }
    precondition(tokens.last?.kind == .endOfFile && covered == bytes.count, "tokens do not reach the end")
}
