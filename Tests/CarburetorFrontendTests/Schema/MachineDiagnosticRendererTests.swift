import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

@Suite struct MachineDiagnosticRendererTests {
    let file = SourceFile(name: "dir/app, v1.carb", text: "tables {\n    user {\n        a -> Txt,\n    }\n}\n")
    var diagnostic: Diagnostic {
        Diagnostic(severity: .error, code: DiagnosticCode("E0104"), message: "unknown type 'Txt'\n100% sure",
                   range: SourceRange(start: 33, end: 36),
                   notes: [DiagnosticNote("declared here", at: SourceRange(start: 13, end: 17)),
                           DiagnosticNote("no place")],
                   help: "did you mean 'Text'?")
    }
    var warning: Diagnostic {
        Diagnostic(severity: .warning, code: DiagnosticCode("W0001"), message: "w", range: .empty(at: 0))
    }

    @Test func jsonHasEveryKeyWithOneBasedPositions() throws {
        let json = JSONDiagnosticRenderer().render([FileDiagnostics(file: file, diagnostics: [diagnostic, warning])])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        let first = array[0]
        #expect(first["file"] as? String == "dir/app, v1.carb")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 14)
        #expect(first["endLine"] as? Int == 3)
        #expect(first["endColumn"] as? Int == 17)
        #expect(first["severity"] as? String == "error")
        #expect(first["code"] as? String == "E0104")
        #expect(first["help"] as? String == "did you mean 'Text'?")
        let notes = try #require(first["notes"] as? [[String: Any]])
        #expect(notes[0]["line"] as? Int == 2)
        #expect(notes[0]["column"] as? Int == 5)
        #expect(notes[1]["line"] is NSNull)
        #expect(array[1]["help"] is NSNull)
        #expect(array[1]["column"] as? Int == 1)
        #expect(array[1]["endColumn"] as? Int == 1)
        // Stable: sorted keys, byte-identical on a second run.
        #expect(json == JSONDiagnosticRenderer().render([FileDiagnostics(file: file, diagnostics: [diagnostic, warning])]))
        #expect(json.hasPrefix("[\n  {\n    \"file\": \"dir/app, v1.carb\",\n    \"line\": 3,"))
    }

    @Test func jsonOfNothingIsAnEmptyArray() {
        #expect(JSONDiagnosticRenderer().render([]) == "[]\n")
    }

    @Test func githubCommandsEscapeDataAndProperties() {
        let output = GitHubDiagnosticRenderer().render([FileDiagnostics(file: file, diagnostics: [diagnostic, warning])])
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == "::error file=dir/app%2C v1.carb,line=3,col=14,endLine=3,endColumn=17,title=E0104::"
            + "unknown type 'Txt'%0A100%25 sure%0Ahelp: did you mean 'Text'?"
            + "%0Anote: declared here (dir/app, v1.carb:2:5)%0Anote: no place")
        #expect(lines[1].hasPrefix("::warning file="))
        #expect(GitHubDiagnosticRenderer.escapeProperty("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A")
        let note = Diagnostic(severity: .note, code: DiagnosticCode("N0001"), message: "n", range: .empty(at: 0))
        #expect(GitHubDiagnosticRenderer().command(for: note, in: file).hasPrefix("::notice "))
    }

    @Test func sarifIsAValidTwoOneLog() throws {
        let rules = [DiagnosticDescriptor(code: DiagnosticCode("E0104"), severity: .error,
                                          title: "unknown type", example: "")]
        let sarif = SARIFDiagnosticRenderer(rules: rules)
            .render([FileDiagnostics(file: file, diagnostics: [diagnostic, warning])])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "carburetor-compile")
        let rule = try #require((driver["rules"] as? [[String: Any]])?.first)
        #expect(rule["id"] as? String == "E0104")
        #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == "unknown type")
        #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")

        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["ruleId"] as? String == "E0104")
        #expect(results[0]["ruleIndex"] as? Int == 0)
        #expect(results[0]["level"] as? String == "error")
        #expect(results[1]["level"] as? String == "warning")
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "dir/app%2C%20v1.carb")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 3)
        #expect(region["startColumn"] as? Int == 14)
        #expect(region["endLine"] as? Int == 3)
        #expect(region["endColumn"] as? Int == 17)
        let related = try #require(results[0]["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 2)
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "declared here")
        #expect(related[0]["physicalLocation"] != nil)
        #expect(related[1]["physicalLocation"] == nil)
    }

    @Test func sarifListsTheWholeCatalogue() throws {
        let sarif = SARIFDiagnosticRenderer().render([])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ids = (driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == DiagnosticCatalogue.all.map(\.code.rawValue))
        #expect(SARIFDiagnosticRenderer.uriReference(for: "<stdin>") == "%3Cstdin%3E")
        #expect(SARIFDiagnosticRenderer.uriReference(for: "/work/my app/é.carb") == "file:///work/my%20app/%C3%A9.carb")
    }
}
