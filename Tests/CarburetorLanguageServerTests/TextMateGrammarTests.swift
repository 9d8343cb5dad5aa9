import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import Foundation
import Testing
@testable import CarburetorLanguageServer

/// `grammar/carburetor.tmLanguage.json` is valid JSON and knows every type
/// and attribute the compiler does (so highlighting does not drift).
struct TextMateGrammarTests {
    static let grammar: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("grammar/carburetor.tmLanguage.json"),
                            encoding: .utf8)) ?? ""
    }()

    @Test func isJSONWithTheCarbScope() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(Self.grammar.utf8))
        #expect(value["scopeName"] == .string("source.carb"))
        #expect(value["fileTypes"] == .array([.string("carb")]))
    }

    @Test func knowsEveryTypeAndAttribute() {
        for scalar in ScalarType.allCases {
            #expect(Self.grammar.contains("|\(scalar.carbName)|") || Self.grammar.contains("(\(scalar.carbName)|"),
                    "\(scalar.carbName)")
        }
        for alias in ScalarTypeNames.aliases.keys {
            #expect(Self.grammar.contains("|\(alias)|") || Self.grammar.contains("|\(alias))"), "\(alias)")
        }
        for attribute in LanguageWords.attributes {
            #expect(Self.grammar.contains("|\(attribute.name)|") || Self.grammar.contains("(\(attribute.name)|")
                || Self.grammar.contains("|\(attribute.name))"), "\(attribute.name)")
        }
    }
}
