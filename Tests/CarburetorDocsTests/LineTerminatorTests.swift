import CarburetorChecker
import CarburetorSchema
import CarburetorDocs
import Testing

/// Config text with a line terminator of any kind cannot start Markdown
/// syntax or leave the paragraph, cell, heading or code span it is put in.
@Suite struct MarkdownLineTerminatorTests {
    static let terminators = ["\r", "\n", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"]

    @Test(arguments: terminators)
    func docCommentsAndPathsStayInTheirBlock(_ terminator: String) {
        var schema = HandBuiltSchemas.phoneBook
        let hostile = "first line\(terminator)- injected item\(terminator)\(terminator)# injected heading"
        schema.tables[0].documentation = hostile
        schema.tables[0].columns[1].documentation = hostile
        schema.groups[0].documentation = hostile
        schema.sourceName = "config\(terminator)\(terminator)# injected heading.carb"
        let output = DocsGenerator().standardOutput(for: schema)
        // Only the renderer ends lines, and only with LF.
        #expect(!output.unicodeScalars.contains { $0 != "\n" && LineTerminators.isLineTerminator($0) })
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("- injected") || $0.hasPrefix("# injected") })
        #expect(output.contains("`config  # injected heading.carb`") || output.contains("`config # injected heading.carb`"))
    }
}
