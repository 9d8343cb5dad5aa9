import Foundation
import Testing
@_spi(Benchmarking) @testable import CarburetorChecker
@_spi(Benchmarking) @testable import CarburetorSchema
@_spi(Benchmarking) @testable import CarburetorSyntax
import CarburetorTestSupport

@Suite struct RobustnessTests {
    private static let validConfig = """
    carburetor_sync_config! {
        tables {
            /// A person.
            user(plural = "users") {
                #[id]
                id -> Text,
                name -> Nullable<Text>,
                #[default(sql = Number(-1.5))]
                score -> Double,
                #[default(swift = "Date()")]
                #[immutable]
                created_at -> Timestamptz,
            }
            message { body -> Text, /* nested /* comment */ */ recipient_id -> Text }
        }
        sync_groups {
            mobile {
                user,
                message(restrict_to = $user_id, restrict_to_column = recipient_id),
            }
        }
    }

    """

    /// Runs the whole front end and checks the invariants every input must keep.
    private func compileChecked(_ bytes: [UInt8], limit: Duration = .seconds(2)) {
        let file = SourceFile(name: "fuzz.carb", bytes: bytes)
        let cpuStart = threadCPUSeconds()
        let result = Frontend.compile(file)
        var diagnostics = DiagnosticCollector()
        let (syntax, forcedSkips) = Parser.parseCountingForcedSkips(file, diagnostics: &diagnostics)
        // Thread CPU time, so parallel tests and a busy machine do not count.
        let elapsed = Duration.seconds(threadCPUSeconds() - cpuStart)
        #expect(forcedSkips == 0, "the progress guard fired on: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
        #expect(elapsed < limit, "took \(elapsed) on \(bytes.count) bytes")
        for diagnostic in result.diagnostics {
            #expect(diagnostic.range.start >= 0 && diagnostic.range.end <= file.utf8.count)
        }
        #expect(syntax.range.end == file.utf8.count)
        #expect(result.hasErrors == (result.schema == nil), "a schema exactly when there are no errors")
        // Without notes, the errors, warnings and schema are the same.
        let withoutNotes = Frontend.compile(file, includeNotes: false)
        #expect(withoutNotes.diagnostics == result.diagnostics.filter { $0.severity != .note })
        #expect(withoutNotes.schema == result.schema)
        checkTokensCoverTheFile(file)
    }

    /// With comments kept, tokens are in order, never overlap, and everything
    /// between them is whitespace: the formatter can rebuild the file from them.
    private func checkTokensCoverTheFile(_ file: SourceFile) {
        var diagnostics = DiagnosticCollector()
        let tokens = Lexer.tokenize(file, keepComments: true, diagnostics: &diagnostics)
        let bytes = file.utf8
        var covered = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var gapsAreWhitespace = true
        var newlinesCounted = true
        for token in tokens {
            guard token.range.start >= covered else {
                Issue.record("token \(token.kind) at \(token.range) overlaps the previous one")
                return
            }
            let gap = bytes[covered..<token.range.start]
            gapsAreWhitespace = gapsAreWhitespace && gap.allSatisfy { [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains($0) }
            newlinesCounted = newlinesCounted && token.newlinesBefore == gap.filter { $0 == 0x0A }.count
            covered = token.range.end
        }
        #expect(gapsAreWhitespace, "a gap between tokens holds more than whitespace")
        #expect(newlinesCounted, "newlinesBefore disagrees with the newlines between tokens")
        #expect(tokens.last?.kind == .endOfFile && covered == bytes.count)
    }

    private static let tokenVocabulary: [String] = [
        "tables", "sync_groups", "carburetor_sync_config", "!", "{", "}", "(", ")", "<", ">", ",", "=", "->",
        "#[", "]", "$", "user", "id", "Text", "Nullable", "default", "sql", "Now", "Number", "plural",
        "restrict_to", "\"s\"", "12", "-3.5", "/// doc\n", "// c\n", "/*", "*/", "\n", " ", "@", "\"", "é", "#",
    ]

    @Test func randomByteStrings() {
        var random = SplitMix64(seed: 1)
        for _ in 0..<300 {
            let length = Int.random(in: 0...400, using: &random)
            compileChecked((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
    }

    @Test func randomPrintableStrings() {
        var random = SplitMix64(seed: 2)
        let alphabet = Array("{}()<>,=-#[]$!\"/*\\ \nabtu_09.@".utf8)
        for _ in 0..<300 {
            let length = Int.random(in: 0...400, using: &random)
            compileChecked((0..<length).map { _ in alphabet.randomElement(using: &random)! })
        }
    }

    @Test func randomTokenSoups() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<400 {
            let count = Int.random(in: 0...150, using: &random)
            let text = (0..<count).map { _ in Self.tokenVocabulary.randomElement(using: &random)! }
                .joined(separator: " ")
            compileChecked(Array(text.utf8))
        }
    }

    @Test func mutationsOfAValidConfig() {
        var diagnostics = DiagnosticCollector()
        let file = SourceFile(name: "valid.carb", text: Self.validConfig)
        let tokens = Lexer.tokenize(file, keepComments: true, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        let pieces = tokens.dropLast().map { file.text(in: $0.range) }
        var random = SplitMix64(seed: 4)
        for round in 0..<600 {
            var mutated = pieces
            for _ in 0..<Int.random(in: 1...4, using: &random) where !mutated.isEmpty {
                let at = Int.random(in: 0..<mutated.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: mutated.remove(at: at)
                case 1: mutated.insert(mutated[at], at: at)
                case 2: mutated.swapAt(at, Int.random(in: 0..<mutated.count, using: &random))
                default: mutated[at] = Self.tokenVocabulary.randomElement(using: &random)!
                }
            }
            if round % 5 == 0 { mutated = Array(mutated.prefix(Int.random(in: 0...mutated.count, using: &random))) }
            compileChecked(Array(mutated.joined(separator: " ").utf8))
        }
    }

    @Test func everyTruncationOfAValidConfig() {
        let bytes = Array(Self.validConfig.utf8)
        for length in 0...bytes.count {
            compileChecked(Array(bytes.prefix(length)))
        }
    }

    // MARK: Pathological inputs: no stack overflow, no quadratic time

    static let pathologicalInputs: [(String, String)] = [
        ("deep generic type", "tables { t { a -> " + String(repeating: "Nullable<", count: 65_536) + "Text"
            + String(repeating: ">", count: 65_536) + " } }"),
        ("unclosed generic type", "tables { t { a -> " + String(repeating: "Nullable<", count: 65_536)),
        ("unclosed braces", String(repeating: "{", count: 100_000)),
        ("unclosed braces in a table", "tables { t { " + String(repeating: "{", count: 100_000)),
        ("unknown block of braces", "x " + String(repeating: "{", count: 100_000)),
        ("closing braces", String(repeating: "}", count: 100_000)),
        ("nested comments", String(repeating: "/*", count: 100_000)),
        ("attribute openers", "tables { t { " + String(repeating: "#[", count: 100_000)),
        ("parentheses", "tables { t" + String(repeating: "(", count: 100_000)),
        ("dollars", "sync_groups { g { t(a = " + String(repeating: "$", count: 100_000)),
        ("quotes", String(repeating: "\"\n", count: 100_000)),
        ("doc comments", String(repeating: "///\n", count: 100_000)),
        ("commas", "tables { t { " + String(repeating: ",", count: 100_000)),
        ("arrows", "tables { t { a " + String(repeating: "-> ", count: 100_000)),
        ("bad characters", String(repeating: "@ ", count: 100_000)),
        ("names", "tables { t { " + String(repeating: "a ", count: 100_000)),
        ("tables keywords", String(repeating: "tables ", count: 100_000)),
        ("escapes", "\"" + String(repeating: "\\q", count: 100_000) + "\""),
    ]

    @Test(arguments: pathologicalInputs.map(\.0))
    func pathologicalInputFinishesQuickly(_ name: String) {
        let input = Self.pathologicalInputs.first { $0.0 == name }!.1
        compileChecked(Array(input.utf8), limit: .seconds(5))
    }

    /// Time for an input eight times larger must stay near eight times the
    /// time: quadratic behaviour would show a factor near 64.
    @Test(arguments: ["valid config", "token soup", "deep nesting", "unclosed braces"])
    func timeGrowsLinearly(_ shape: String) {
        func input(_ scale: Int) -> [UInt8] {
            switch shape {
            case "valid config":
                let tables = (0..<scale).map { "t\($0) { a -> Text, b -> Nullable<Integer>, #[id] c -> Text }" }
                return Array(("tables {\n" + tables.joined(separator: "\n") + "\n}\n").utf8)
            case "token soup":
                var random = SplitMix64(seed: 5)
                return Array((0..<(scale * 20)).map { _ in Self.tokenVocabulary.randomElement(using: &random)! }
                    .joined(separator: " ").utf8)
            case "deep nesting":
                return Array(("tables { t { a -> " + String(repeating: "Nullable<", count: scale * 20)).utf8)
            default:
                return Array(("tables { t { " + String(repeating: "{ x -> ", count: scale * 20)).utf8)
            }
        }
        func fastest(_ bytes: [UInt8]) -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                best = min(best, measureThreadCPU { Frontend.compile(SourceFile(name: "big.carb", bytes: bytes)) }.seconds)
            }
            return best
        }
        let small = fastest(input(250))
        let large = fastest(input(2_000))
        // Generous: a factor of 24 (three times linear) plus 50 ms of slack for a busy machine.
        #expect(large < small * 24 + 0.05, "\(shape): \(small)s for ×1, \(large)s for ×8")
    }
}
