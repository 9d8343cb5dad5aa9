import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

@Suite struct SourceFileTests {
    @Test func locationsAreOneBasedAndCountScalars() {
        let file = SourceFile(name: "t.carb", text: "ab\né x\n")
        #expect(file.location(of: 0) == SourceLocation(line: 1, column: 1))
        #expect(file.location(of: 3) == SourceLocation(line: 2, column: 1))
        // "é" is two bytes; "x" is the third scalar on line 2.
        #expect(file.location(of: 6) == SourceLocation(line: 2, column: 3))
        #expect(file.lineText(1) == "é x")
    }
}
