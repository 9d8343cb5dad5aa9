import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import Foundation
import Testing
@testable import CarburetorLanguageServer

/// Diagnostics are published on open and on every change, exactly as `check` reports them.
@Suite(.timeLimit(.minutes(1)))
struct DiagnosticsTests {
    @Test func cleanConfigHasNone() {
        let client = TestClient.started()
        #expect(client.open(Sample.text) == .array([]))
        client.shutDown()
    }

    @Test func unknownTypeAsCheckReportsIt() throws {
        let client = TestClient.started()
        let diagnostics = client.open(Sample.withUnknownType)
        let diagnostic = try #require(diagnostics[0])
        #expect(diagnostics.array.count == 1)
        #expect(diagnostic["code"] == .string("E0210"))
        #expect(diagnostic["severity"] == .integer(1))
        #expect(diagnostic["source"] == .string("carburetor"))
        // The message, then notes without a place, then the help line, as `check` prints them.
        let message = diagnostic["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("unknown type 'Txt'\nnote: known types: Text, SmallInt,"))
        #expect(message.hasSuffix("\nhelp: did you mean 'Text'?"))
        let start = locate("Txt", in: Sample.withUnknownType)
        #expect(diagnostic["range"]?.start == text(start))
        #expect(diagnostic["range"]?.end == text((start.0, start.1 + 3)))
        client.shutDown()
    }

    @Test func changeReplacesTheDiagnostics() {
        let client = TestClient.started()
        #expect(client.open(Sample.withUnknownType).array.count == 1)
        #expect(client.change(Sample.text, version: 2) == .array([]))
        let broken = Sample.text.replacingOccurrences(of: "name -> Text,", with: "name Text,")
        let diagnostics = client.change(broken, version: 3)
        #expect(diagnostics[0]?["code"] == .string("E0102"))
        client.shutDown()
    }

    /// Every catalogue example gives the same codes, severities and ranges as the front end.
    @Test func everyCatalogueExampleMatchesTheFrontEnd() {
        let client = TestClient.started()
        for (index, descriptor) in DiagnosticCatalogue.all.enumerated() {
            let file = SourceFile(name: "example.carb", text: descriptor.example)
            let expected = Frontend.compile(file, includeNotes: false).diagnostics
            let lines = LineMap(file: file)
            let published = client.change(descriptor.example, version: index + 2).array
            #expect(published.map { $0["code"]?.stringValue } == expected.map(\.code.rawValue), "\(descriptor.code)")
            #expect(published.map { $0["severity"]?.int } == expected.map { DiagnosticConversion.severity($0.severity) })
            #expect(published.map { $0["range"]?.start } == expected.map { lines.range(of: $0.range).start.text })
            #expect(published.map { $0["range"]?.end } == expected.map { lines.range(of: $0.range).end.text })
        }
        client.shutDown()
    }

    @Test func notesWithAPlaceBecomeRelatedInformation() throws {
        let client = TestClient.started()
        let config = """
            tables {
                user { name -> Text }
                user { email -> Text }
            }
            """
        let diagnostic = try #require(client.open(config)[0])
        #expect(diagnostic["code"] == .string("E0205"))
        let related = try #require(diagnostic["relatedInformation"]?[0])
        #expect(related["location"]?["uri"] == .string(TestClient.uri))
        #expect(related["location"]?["range"]?.start == "1:4")
        client.shutDown()
    }

    /// Characters are UTF-16 code units: 😀 counts two, é one.
    @Test func positionsCountUTF16CodeUnits() throws {
        let client = TestClient.started()
        let config = """
            tables {
                user { /* é 😀 */ name -> Txt }
            }
            """
        let diagnostic = try #require(client.open(config)[0])
        #expect(diagnostic["range"]?.start == "1:30")
        #expect(diagnostic["range"]?.end == "1:33")
        // And back: a hover at that character finds the type.
        let hover = client.request("textDocument/hover", TestClient.at(1, 31))
        #expect(hover["result"]?["contents"]?["value"]?.stringValue?.contains("E0210") == true)
        client.shutDown()
    }

    @Test func firstChangeOpensAnyDocument() {
        let client = TestClient.started()
        // Full sync: the last change is the whole text, ranges or not.
        #expect(client.change("tables { user { name -> Txt } }", uri: "untitled:1", version: 7).array.count == 1)
        client.shutDown()
    }
}

extension Position {
    var text: String { "\(line):\(character)" }
}
