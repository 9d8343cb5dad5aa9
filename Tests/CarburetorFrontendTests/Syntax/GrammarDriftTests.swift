import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Keeps `grammar/carburetor.ebnf` and the hand-written front end in step:
/// every production has its function, and every config the project ships parses.
@Suite struct GrammarDriftTests {
    private static let root = SyntaxTestPaths.packageRoot

    /// Production names of one `(* @section name *)` of the grammar.
    private static func productions(inSection section: String) throws -> [String] {
        let grammar = try String(contentsOf: root.appendingPathComponent("grammar/carburetor.ebnf"), encoding: .utf8)
        let marker = "(* @section \(section)"
        guard let start = grammar.range(of: marker)?.upperBound else { return [] }
        var body = String(grammar[start...])
        if let next = body.range(of: "(* @section ") { body = String(body[..<next.lowerBound]) }
        let withoutComments = body.replacingOccurrences(of: #"\(\*[\s\S]*?\*\)"#, with: "",
                                                        options: .regularExpression)
        return withoutComments.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let first = line.first, first.isLetter || first == "_" else { return nil }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? name : nil
        }
    }

    private static func upperCamelCase(_ production: String) -> String {
        production.lowercased().split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func syntaxSources() throws -> String {
        // The lexer's and the parser's folders of the syntax module.
        let directories = ["Lexer", "Parser"].map { root.appendingPathComponent("Sources/CarburetorSyntax/\($0)") }
        return try directories.flatMap { directory in
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                .filter { $0.hasSuffix(".swift") }
                .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
        }.joined(separator: "\n")
    }

    @Test func everySyntacticProductionHasAParseFunction() throws {
        let productions = try Self.productions(inSection: "syntax")
        #expect(productions.count >= 20, "found productions: \(productions)")
        #expect(productions.contains("config") && productions.contains("column") && productions.contains("variable"))
        let sources = try Self.syntaxSources()
        for production in productions {
            let function = "func parse\(Self.upperCamelCase(production))("
            #expect(sources.contains(function), "grammar production '\(production)' has no '\(function)'")
        }
    }

    @Test func everyLexicalTokenProductionHasALexFunction() throws {
        let tokens = try Self.productions(inSection: "lexical").filter { $0 == $0.uppercased() }
        #expect(Set(tokens).isSuperset(of: ["IDENT", "NUMBER", "STRING", "DOC_COMMENT", "LINE_COMMENT",
                                             "BLOCK_COMMENT", "PUNCTUATION", "WHITESPACE"]))
        let sources = try Self.syntaxSources()
        for token in tokens {
            let function = "func lex\(Self.upperCamelCase(token))("
            #expect(sources.contains(function), "grammar token '\(token)' has no '\(function)'")
        }
    }

    @Test func everyParseFunctionInTheGrammarCategoryFilesIsAProduction() throws {
        // The reverse direction: a parse function for a production the grammar
        // lost would mean the grammar no longer describes the parser.
        let productions = Set(try Self.productions(inSection: "syntax").map(Self.upperCamelCase))
        // Shared loops and recovery helpers that implement parts of several productions.
        let helpers: Set = ["CountingForcedSkips", "DocComments", "TooDeeplyNestedType", "NestedType", "BlockBody",
                            "ItemHeader"]
        let sources = try Self.syntaxSources()
        let declared = try Regex(#"func parse([A-Z][A-Za-z]*)\("#)
        let names = sources.matches(of: declared).map { String($0.output[1].substring ?? "") }
        #expect(!names.isEmpty)
        for name in names where !helpers.contains(name) {
            #expect(productions.contains(name), "parse\(name) matches no grammar production")
        }
    }

    // MARK: Every shipped config parses

    private static func syntaxErrors(in url: URL) throws -> [Diagnostic] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return SyntaxTesting.parse(text).diagnostics.filter(SyntaxTesting.isSyntaxError)
    }

    /// Parses every `.carb` file under `directory` with no syntax error;
    /// fails when there is none.
    private static func expectParseWithoutSyntaxErrors(under directory: URL) throws {
        let files = SyntaxTestPaths.carbFiles(under: directory)
        try #require(!files.isEmpty, "no .carb files in \(directory.path)")
        for file in files {
            let errors = try Self.syntaxErrors(in: file)
            #expect(errors.isEmpty, "\(file.path): \(errors.map(\.message))")
        }
    }

    @Test(.enabled(if: SyntaxTestPaths.realConfigsExist,
                   "../shared/real-configs exists only beside the checkout in CI"))
    func realConfigsParseWithoutSyntaxErrors() throws {
        try Self.expectParseWithoutSyntaxErrors(under: SyntaxTestPaths.realConfigs)
    }

    @Test func frameworkShapedConfigsParseWithoutSyntaxErrors() throws {
        try Self.expectParseWithoutSyntaxErrors(under: SyntaxTestPaths.frameworkShapedConfigs)
    }

    @Test func samplesParseWithoutSyntaxErrors() throws {
        try Self.expectParseWithoutSyntaxErrors(under: Self.root.appendingPathComponent("samples"))
    }

    /// A fixture whose expected output names a lexical or syntax code is
    /// meant to be wrong and must produce a syntax error; every other fixture
    /// must parse cleanly.
    @Test func fixturesParseExactlyAsTheirGoldensExpect() throws {
        let files = SyntaxTestPaths.carbFiles(under: Self.root.appendingPathComponent("Tests"))
            .filter { $0.path.contains("/Fixtures/") }
        #expect(!files.isEmpty)
        let syntaxCode = try Regex(#"E0[01][0-9][0-9]"#)
        for file in files {
            let directory = file.deletingLastPathComponent()
            let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            let expectsSyntaxError = siblings.filter { !$0.hasSuffix(".carb") }.contains { name in
                let text = (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
                return text.contains(syntaxCode)
            }
            let errors = try Self.syntaxErrors(in: file)
            if expectsSyntaxError {
                #expect(!errors.isEmpty, "\(file.path) should have syntax errors")
            } else {
                #expect(errors.isEmpty, "\(file.path): \(errors.map(\.message))")
            }
        }
    }
}
