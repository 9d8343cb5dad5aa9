import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax
import CarburetorTestSupport

/// Properties that hold for every input the formatter accepts: it keeps every
/// token and every comment, the result still parses, and a second run
/// changes nothing. Checked on every sample and fixture, and on versions of
/// them with comments forced between every pair of tokens.
@Suite struct FormatterPropertyTests {
    static var inputs: [(name: String, text: String)] {
        let root = SyntaxTestPaths.packageRoot
        var result: [(String, String)] = []
        for folder in ["samples", "Tests"] {
            let base = root.appendingPathComponent(folder)
            // Hidden folders (a sample package's `.build`) are skipped.
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil,
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker where url.pathExtension == "carb" {
                if let data = try? Data(contentsOf: url) {
                    result.append((url.path, String(decoding: data, as: UTF8.self)))
                }
            }
            // The configs inside diagnostic snapshots (`Fixtures/<kind>/<case>.snap`).
            if let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
                for case let url as URL in walker where url.pathExtension == "snap" {
                    if let source = (try? GoldenSnapshot(contentsOf: url))?["input.carb"] {
                        result.append((url.path, source))
                    }
                }
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// The file with `comment` inserted before every token (after `// …`
    /// comments a newline is needed, which `lineBreak` adds).
    static func withComments(_ text: String, comment: String) -> String {
        let file = SourceFile(name: "x", text: text)
        var diagnostics = DiagnosticCollector()
        let tokens = Lexer.tokenize(file, keepComments: true, diagnostics: &diagnostics)
        var output = ""
        var offset = 0
        for (index, token) in tokens.enumerated() where token.kind != .endOfFile {
            output += file.text(in: SourceRange(start: offset, end: token.range.start))
            output += comment.replacingOccurrences(of: "#", with: String(index))
            output += file.text(in: token.range)
            offset = token.range.end
        }
        return output + file.text(in: SourceRange(start: offset, end: file.utf8.count))
    }

    func checkProperties(of text: String, name: String) throws {
        let before = SourceFile(name: name, text: text)
        guard let formatted = Formatter.format(before).formatted else { return }
        let after = SourceFile(name: name, text: formatted)
        #expect(FormatterTests.significantTokens(before) == FormatterTests.significantTokens(after), "\(name)")
        #expect(FormatterTests.comments(before).map(Self.trimmed) == FormatterTests.comments(after).map(Self.trimmed),
                "\(name)")
        // Go's printer tests' idempotence check: format(formatted) == formatted.
        let failure = try Golden.idempotence(of: formatted, name: name) { text in
            try #require(Formatter.format(SourceFile(name: name, text: text)).formatted,
                         "\(name): formatted text does not parse\n\(formatted)")
        }
        if let failure { Issue.record(Comment(rawValue: failure)) }
    }

    static func trimmed(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return String(result)
    }

    @Test func everySampleAndFixtureKeepsItsTokensAndIsIdempotent() throws {
        let inputs = Self.inputs
        #expect(inputs.count >= 10)
        var formatted = 0
        for (name, text) in inputs {
            if Formatter.format(SourceFile(name: name, text: text)).formatted != nil { formatted += 1 }
            try checkProperties(of: text, name: name)
        }
        #expect(formatted >= 3)
    }

    @Test(arguments: ["/* c# */ ", " // c#\n", "\n/* a\n  b# */\n", "\n\n\n", " "])
    func commentsBetweenEveryTokenSurvive(_ comment: String) throws {
        let samples = Self.inputs.filter { $0.name.contains("/samples/") }
        #expect(samples.count >= 3)
        for (name, text) in samples {
            let noisy = Self.withComments(text, comment: comment)
            #expect(Formatter.format(SourceFile(name: name, text: noisy)).formatted != nil, "\(name) stops parsing")
            try checkProperties(of: noisy, name: name + " with \(comment.debugDescription)")
        }
    }

    /// Mutants of the samples: one token removed, duplicated or followed by a
    /// line comment. Whatever still parses must keep the properties; nothing
    /// may crash.
    @Test func mutatedSamplesKeepTheProperties() throws {
        var random = SplitMix64(seed: 42)
        var formattedMutants = 0
        for (name, text) in Self.inputs where name.contains("/samples/") {
            let file = SourceFile(name: name, text: text)
            var diagnostics = DiagnosticCollector()
            let tokens = Lexer.tokenize(file, keepComments: true, diagnostics: &diagnostics)
                .filter { $0.kind != .endOfFile }
            for _ in 0..<60 {
                let token = tokens[Int(random.next() % UInt64(tokens.count))]
                let before = file.text(in: SourceRange(start: 0, end: token.range.start))
                let tokenText = file.text(in: token.range)
                let after = file.text(in: SourceRange(start: token.range.end, end: file.utf8.count))
                let mutant: String
                switch random.next() % 3 {
                case 0: mutant = before + after
                case 1: mutant = before + tokenText + " " + tokenText + after
                default: mutant = before + tokenText + " // mutant\n" + after
                }
                if Formatter.format(SourceFile(name: name, text: mutant)).formatted != nil { formattedMutants += 1 }
                try checkProperties(of: mutant, name: "\(name) mutant")
            }
        }
        #expect(formattedMutants > 20)
    }
}
