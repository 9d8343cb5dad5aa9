import CarburetorCore

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
    precondition(result.syntax.range == SourceRange(start: 0, end: length), "config range must cover the file")
    for diagnostic in result.diagnostics {
        precondition(diagnostic.range.end <= length, "diagnostic range past the end of the file")
        for note in diagnostic.notes {
            precondition((note.range?.end ?? 0) <= length, "note range past the end of the file")
        }
    }
    precondition(result.hasErrors == (result.schema == nil), "a schema exactly when there are no errors")
    return 0
}
