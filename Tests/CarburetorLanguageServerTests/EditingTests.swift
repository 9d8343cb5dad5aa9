import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import Foundation
import Testing
@testable import CarburetorLanguageServer

/// Formatting, document symbols, completion, quick fixes and semantic tokens.
@Suite(.timeLimit(.minutes(1)))
struct EditingTests {
    @Test func formattingIsTheFormatter() throws {
        let client = TestClient.started()
        let messy = "tables { user { name -> Text, email -> Nullable<Text> } }"
        _ = client.open(messy)
        let edits = try #require(client.request("textDocument/formatting", .object([
            "textDocument": .object(["uri": .string(TestClient.uri)]),
            "options": .object(["tabSize": .integer(4), "insertSpaces": .bool(true)]),
        ]))["result"]).array
        let expected = try #require(Formatter.format(SourceFile(name: "x", text: messy)).formatted)
        #expect(apply(edits, to: messy) == expected)
        // Formatted text and text with syntax errors: no edits.
        _ = client.change(expected, version: 2)
        #expect(client.request("textDocument/formatting", TestClient.document)["result"] == .array([]))
        _ = client.change("tables { user { name -> } ", version: 3)
        #expect(client.request("textDocument/formatting", TestClient.document)["result"] == .array([]))
        client.shutDown()
    }

    @Test func documentSymbolsListTablesColumnsAndGroups() {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let symbols = client.request("textDocument/documentSymbol", TestClient.document)["result"]?.array ?? []
        #expect(symbols.map { $0["name"]?.stringValue } == ["phone_book", "user", "mobile"])
        #expect(symbols[0]["detail"] == .string("phone_books"))
        #expect(symbols[0]["children"]?.array.map { $0["name"]?.stringValue } == ["name", "owner_id", "note"])
        #expect(symbols[0]["children"]?[2]?["detail"] == .string("Nullable<Text>"))
        #expect(symbols[2]["children"]?.array.map { $0["name"]?.stringValue } == ["user", "phone_book"])
        #expect(symbols[0]["selectionRange"]?.start == text(locate("phone_book")))
        client.shutDown()
    }

    func labels(_ client: TestClient, _ text: String, _ marker: String = "‸") -> [String] {
        let position = locate(marker, in: text)
        _ = client.change(text.replacingOccurrences(of: marker, with: ""), version: 100 + text.count)
        let result = client.request("textDocument/completion", at(position))["result"]
        return result?["items"]?.array.compactMap { $0["label"]?.stringValue } ?? []
    }

    @Test func completionKnowsWhereItIs() {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let types = labels(client, "tables { user { name -> ‸ } }")
        #expect(types.contains("Text") && types.contains("Timestamptz") && types.contains("Nullable<…>"))
        let inner = labels(client, "tables { user { name -> Nullable<‸ } }")
        #expect(inner.contains("Uuid") && !inner.contains("Nullable<…>"))
        let typing = labels(client, "tables { user { name -> Tim‸ } }")
        #expect(typing.contains("Timestamp"))
        let attributes = labels(client, "tables { user { #[‸ name -> Text } }")
        #expect(attributes.contains("id") && attributes.contains("default") && attributes.contains("immutable"))
        #expect(labels(client, "tables { #[‸ user { name -> Text } }") == ["renamed_from"])
        #expect(labels(client, "tables { user { #[default(sql = ‸)] name -> Text } }").contains("Now"))
        #expect(labels(client, "tables { user { #[default(‸)] name -> Text } }").contains("swift = …"))
        #expect(labels(client, "tables { user(‸) { name -> Text } }") == ["plural"])
        #expect(labels(client, "‸") == ["tables", "sync_groups"])
        #expect(labels(client, "tables { user { name -> Text } }\n// a ‸comment") == [])

        let groups = Sample.text.replacingOccurrences(of: "        user,\n", with: "        ‸\n")
        #expect(labels(client, groups) == ["phone_book", "user"])
        let columns = Sample.text.replacingOccurrences(of: "restrict_to_column = owner_id", with: "restrict_to_column = ‸")
        let columnLabels = labels(client, columns)
        #expect(columnLabels.contains("owner_id") && columnLabels.contains("id") && !columnLabels.contains("user_id"))
        let variables = Sample.text.replacingOccurrences(of: "        user,\n",
                                                         with: "        user(restrict_to = ‸, restrict_to_column = key),\n")
        #expect(labels(client, variables) == ["$user_id"])
        let dollar = Sample.text.replacingOccurrences(of: "        user,\n",
                                                      with: "        user(restrict_to = $‸, restrict_to_column = key),\n")
        #expect(labels(client, dollar) == ["$user_id"])
        let arguments = Sample.text.replacingOccurrences(of: "        user,\n", with: "        user(‸),\n")
        #expect(labels(client, arguments) == ["restrict_to", "restrict_to_column"])
        client.shutDown()
    }

    @Test func fixItsAreQuickFixes() throws {
        let client = TestClient.started()
        _ = client.open(Sample.withUnknownType)
        let start = locate("Txt", in: Sample.withUnknownType)
        let range: JSONValue = .object([
            "start": .object(["line": .integer(start.0), "character": .integer(start.1)]),
            "end": .object(["line": .integer(start.0), "character": .integer(start.1)]),
        ])
        let actions = client.request("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(TestClient.uri)]), "range": range,
            "context": .object(["diagnostics": .array([])]),
        ]))["result"]?.array ?? []
        let action = try #require(actions.first)
        #expect(action["title"] == .string("Replace 'Txt' with 'Text'"))
        #expect(action["kind"] == .string("quickfix"))
        #expect(action["diagnostics"]?[0]?["code"] == .string("E0210"))
        let edits = action["edit"]?["changes"]?[TestClient.uri]?.array ?? []
        #expect(apply(edits, to: Sample.withUnknownType) == Sample.text)
        // Elsewhere: no actions.
        let none = client.request("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(TestClient.uri)]),
            "range": .object(["start": .object(["line": .integer(0), "character": .integer(0)]),
                              "end": .object(["line": .integer(0), "character": .integer(1)])]),
        ]))
        #expect(none["result"] == .array([]))
        client.shutDown()
    }

    @Test func semanticTokensClassifyEveryName() throws {
        let client = TestClient.started()
        _ = client.open("/* a\n b */ tables { user { name -> Text } }")
        let data = try #require(client.request("textDocument/semanticTokens/full", TestClient.document)["result"]?["data"])
            .array.compactMap(\.int)
        #expect(data.count % 5 == 0)
        let types = Capabilities.semanticTokenTypes
        let tokens = stride(from: 0, to: data.count, by: 5).map { types[data[$0 + 3]] }
        // The block comment is split per line.
        #expect(tokens == ["comment", "comment", "keyword", "class", "property", "operator", "type"])
        #expect(Array(data[0..<5]) == [0, 0, 4, 10, 0])
        #expect(Array(data[5..<10]) == [1, 0, 5, 10, 0])
        client.shutDown()
    }
}
