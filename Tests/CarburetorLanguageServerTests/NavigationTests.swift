import Foundation
import Testing
@testable import CarburetorLanguageServer

/// Hover, definition, references, highlights and rename.
@Suite(.timeLimit(.minutes(1)))
struct NavigationTests {
    func hoverText(_ client: TestClient, _ location: (Int, Int)) -> String {
        client.request("textDocument/hover", at(location))["result"]?["contents"]?["value"]?.stringValue ?? ""
    }

    @Test func hoverOnATableShowsWhatTheCompilerResolved() {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let table = hoverText(client, locate("phone_book", 2))  // the group entry
        #expect(table.contains("PostgreSQL table `phone_books` (default plural"))
        #expect(table.contains("- id: `id -> Text` (synthesized by the compiler)"))
        #expect(table.contains("- sync stamp: `last_synced_at -> Timestamptz` (synthesized by the compiler)"))
        #expect(table.contains("- soft delete: `is_deleted -> Bool` (synthesized by the compiler)"))
        #expect(table.contains("| `note` | `Nullable<Text>` | `text` | `String?` |"))
        #expect(table.contains("`mobile`: rows where `owner_id = $user_id`"))
        #expect(table.contains("A person the user can call."))
        let user = hoverText(client, locate("user("))
        #expect(user.contains("PostgreSQL table `people`"))
        #expect(!user.contains("default plural"))
        #expect(user.contains("- id: `key -> Text`\n"))
        #expect(user.contains("`mobile`: every row"))
        client.shutDown()
    }

    @Test func hoverOnColumnsTypesGroupsAndVariables() {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let column = hoverText(client, locate("owner_id", 2))  // restrict_to_column's value
        #expect(column.contains("PostgreSQL `owner_id text NOT NULL`; Swift `ownerId: String`"))
        #expect(column.contains("immutable"))
        #expect(column.contains("restricts downloads in: `mobile` (`$user_id`)"))
        #expect(hoverText(client, locate("Nullable<Text>", shift: 10)).contains("PostgreSQL `text`, Swift `String`"))
        #expect(hoverText(client, locate("mobile")).contains("`SyncContext`: `userId: String`"))
        #expect(hoverText(client, locate("$user_id", shift: 2)).contains("`SyncContext.userId: String`"))
        #expect(hoverText(client, locate("#[immutable]", shift: 3)).contains("set on insert"))
        #expect(hoverText(client, locate("restrict_to_column")).contains("immutable"))
        // Nothing to say about whitespace: a null result.
        #expect(client.request("textDocument/hover", TestClient.at(13, 0))["result"] == .null)
        client.shutDown()
    }

    @Test func hoverExplainsADiagnosticCode() {
        let client = TestClient.started()
        _ = client.open(Sample.withUnknownType)
        let hover = hoverText(client, locate("Txt", in: Sample.withUnknownType))
        #expect(hover.contains("**E0210** (error): unknown type"))
        client.shutDown()
    }

    @Test func hoverWorksOnABrokenConfig() {
        let client = TestClient.started()
        let broken = Sample.text.replacingOccurrences(of: "name -> Text,", with: "name -> ,")
        _ = client.open(broken)
        #expect(hoverText(client, locate("phone_book", 2, in: broken)).contains("`phone_books`"))
        client.shutDown()
    }

    @Test func definitionJumpsFromEntryToTableAndFromRestrictionToColumn() {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let table = client.request("textDocument/definition", at(locate("phone_book", 2)))["result"]?[0]
        #expect(table?["uri"] == .string(TestClient.uri))
        #expect(table?["range"]?.start == text(locate("phone_book", 1)))
        let column = client.request("textDocument/definition", at(locate("owner_id", 2, shift: 3)))["result"]?[0]
        #expect(column?["range"]?.start == text(locate("owner_id", 1)))
        let variable = client.request("textDocument/definition", at(locate("user_id")))["result"]?[0]
        #expect(variable?["range"]?.start == text(locate("$user_id")))
        #expect(client.request("textDocument/definition", TestClient.at(13, 0))["result"] == .null)
        client.shutDown()
    }

    @Test func referencesOfATableAreItsGroupEntries() {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let all = client.request("textDocument/references",
                                 at(locate("user("), ["context": .object(["includeDeclaration": .bool(true)])]))
        #expect(all["result"]?.array.map { $0["range"]?.start ?? "" } == [text(locate("user(")), text(locate("user,"))])
        let uses = client.request("textDocument/references",
                                  at(locate("user("), ["context": .object(["includeDeclaration": .bool(false)])]))
        #expect(uses["result"]?.array.map { $0["range"]?.start ?? "" } == [text(locate("user,"))])
        let highlights = client.request("textDocument/documentHighlight", at(locate("owner_id")))
        #expect(highlights["result"]?.array.count == 2)
        client.shutDown()
    }

    @Test func renameATableEverywhereAndKeepItsOldName() throws {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let prepared = client.request("textDocument/prepareRename", at(locate("phone_book", 2)))
        #expect(prepared["result"]?["placeholder"] == .string("phone_book"))
        let response = client.request("textDocument/rename", at(locate("phone_book", 2), ["newName": .string("contact")]))
        let edits = try #require(response["result"]?["changes"]?[TestClient.uri]).array
        let renamed = apply(edits, to: Sample.text)
        #expect(renamed.contains("    #[renamed_from(phone_book)]\n    contact {"))
        #expect(renamed.contains("        contact(restrict_to = $user_id"))
        #expect(!renamed.contains("phone_book {"))
        // The result compiles clean.
        #expect(client.change(renamed, version: 2) == .array([]))
        client.shutDown()
    }

    @Test func renameAColumnUpdatesRestrictions() throws {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let response = client.request("textDocument/rename", at(locate("owner_id", 2), ["newName": .string("owner")]))
        let renamed = apply(try #require(response["result"]?["changes"]?[TestClient.uri]).array, to: Sample.text)
        #expect(renamed.contains("        #[immutable]\n        #[renamed_from(owner_id)]\n        owner -> Text,"))
        #expect(renamed.contains("restrict_to_column = owner)"))
        #expect(client.change(renamed, version: 2) == .array([]))
        client.shutDown()
    }

    @Test func renameWithoutRenamedFromWhenTheClientSaysSo() throws {
        let client = TestClient()
        client.request("initialize", .object(["initializationOptions": .object(["renameAddsRenamedFrom": .bool(false)])]))
        _ = client.open(Sample.text)
        let response = client.request("textDocument/rename", at(locate("user("), ["newName": .string("member")]))
        let renamed = apply(try #require(response["result"]?["changes"]?[TestClient.uri]).array, to: Sample.text)
        #expect(!renamed.contains("renamed_from"))
        #expect(renamed.contains("        member,\n"))
        client.shutDown()
    }

    @Test func renameRefusesBadNamesAndNonNames() {
        let client = TestClient.started()
        _ = client.open(Sample.text)
        let bad = client.request("textDocument/rename", at(locate("user("), ["newName": .string("9 lives")]))
        #expect(bad["error"]?["code"] == .integer(RPCErrorCode.invalidParams))
        let onType = client.request("textDocument/prepareRename", at(locate("Text")))
        #expect(onType["error"] != nil)
        let variable = client.request("textDocument/rename", at(locate("user_id"), ["newName": .string("owner")]))
        let variableEdits = variable["result"]?["changes"]?[TestClient.uri]?.array ?? []
        let renamedVariable = apply(variableEdits, to: Sample.text)
        #expect(renamedVariable.contains("restrict_to = $owner,"))
        client.shutDown()
    }
}

/// Applies non-overlapping protocol edits to a text (positions in UTF-16).
func apply(_ edits: [JSONValue], to text: String) -> String {
    let utf16 = Array(text.utf16)
    var lineStarts = [0]
    for (index, unit) in utf16.enumerated() where unit == 10 { lineStarts.append(index + 1) }
    func offset(_ position: JSONValue?) -> Int {
        lineStarts[position?["line"]?.int ?? 0] + (position?["character"]?.int ?? 0)
    }
    var result = utf16
    let sorted = edits.sorted { offset($0["range"]?["start"]) > offset($1["range"]?["start"]) }
    for edit in sorted {
        let start = offset(edit["range"]?["start"])
        let end = offset(edit["range"]?["end"])
        result.replaceSubrange(start..<end, with: Array((edit["newText"]?.stringValue ?? "").utf16))
    }
    return String(decoding: result, as: UTF16.self)
}
