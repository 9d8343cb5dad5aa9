import CarburetorChecker
import CarburetorSchema
import CarburetorDocs
import Testing

@Suite struct GitHubSluggerTests {
    @Test func followsGitHubRules() {
        #expect(GitHubSlugger.baseSlug("Hello World") == "hello-world")
        #expect(GitHubSlugger.baseSlug("Sync group mobile") == "sync-group-mobile")
        #expect(GitHubSlugger.baseSlug("What's new?") == "whats-new")
        #expect(GitHubSlugger.baseSlug("phone_book") == "phone_book")
        #expect(GitHubSlugger.baseSlug("Offsets: one per table") == "offsets-one-per-table")
        #expect(GitHubSlugger.baseSlug("a  b") == "a--b")
        #expect(GitHubSlugger.baseSlug("Émile Zola 2") == "émile-zola-2")
        #expect(GitHubSlugger.baseSlug("$user_id → owner_id") == "user_id--owner_id")
    }

    @Test func numbersRepeatedHeadings() {
        var slugger = GitHubSlugger()
        #expect(slugger.slug("Request") == "request")
        #expect(slugger.slug("Request") == "request-1")
        #expect(slugger.slug("request") == "request-2")
        #expect(slugger.slug("foo") == "foo")
        #expect(slugger.slug("foo") == "foo-1")
        #expect(slugger.slug("foo-1") == "foo-1-1")
    }
}

@Suite struct EscapingTests {
    static let hostileDoc = "a | b *bold* <script> & [x](y) `tick`\n- list\n1. one\n# heading"

    /// Markdown in doc comments shows literally: in paragraphs, in table cells,
    /// and it never adds a column to a table.
    @Test func userTextIsEscaped() throws {
        var schema = HandBuiltSchemas.phoneBook
        schema.tables[0].documentation = Self.hostileDoc
        schema.tables[0].columns[1].documentation = Self.hostileDoc
        schema.groups[0].documentation = Self.hostileDoc
        let output = DocsGenerator().standardOutput(for: schema)
        #expect(!output.contains("<script>"))
        #expect(!output.contains("*bold*"))
        #expect(output.contains("a \\| b \\*bold\\* \\<script\\> \\& \\[x\\](y) \\`tick\\`"))
        #expect(output.contains("\n\\- list\n1\\. one\n\\# heading"))
        let inspection = MarkdownInspection(text: output)
        // Every row of every table has as many unescaped pipes as its header.
        var expectedPipes: Int?
        for line in inspection.proseLines {
            guard line.hasPrefix("|") else { expectedPipes = nil; continue }
            let pipes = Self.unescapedPipes(line)
            if let expectedPipes { #expect(pipes == expectedPipes, "\(line)") } else { expectedPipes = pipes }
        }
        #expect(!inspection.anchors.contains("heading"))
    }

    @Test func defaultsWithPipesStayInTheirCell() {
        let output = DocsGenerator().standardOutput(for: HandBuiltSchemas.everyType)
        #expect(output.contains("``\"a\\|b `c`\"``"))
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }
}
