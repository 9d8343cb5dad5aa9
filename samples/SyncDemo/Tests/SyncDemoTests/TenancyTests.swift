import CarburetorClient
import CarburetorRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncDemoClientKit
import SyncDemoServerKit
import Testing

/// Two users' devices over HTTP: neither sees nor changes the other's rows,
/// and the server's answer about another tenant's row is the one about a row
/// that does not exist.
@Suite(.serialized) struct TenancyTests {
    @Test func usersNeitherSeeNorChangeEachOthersRows() async throws {
        try await DemoServer.with { server in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let alice = try TodoDevice(path: directory.path("alice.sqlite"), user: "alice", node: "alice-phone")
            let bob = try TodoDevice(path: directory.path("bob.sqlite"), user: "bob", node: "bob-phone")
            var groceries = alice.newTodo(title: "Alice: groceries")
            groceries.notes = "oat milk"
            try alice.add(groceries)
            try alice.add(alice.newTodo(title: "Alice: dentist"))
            try bob.add(bob.newTodo(title: "Bob: bike"))
            #expect(try await alice.sync(transport: server.transport(user: "alice")).acceptedRows == 2)
            #expect(try await bob.sync(transport: server.transport(user: "bob")).acceptedRows == 1)
            let alicesRows = try await server.serverRows().filter { $0.ownerId == "alice" }
            #expect(alicesRows.count == 2)

            // Bob's device claims Alice's row id, and creates a row in Alice's name.
            var stolen = bob.newTodo(title: "pwned")
            stolen.id = groceries.id
            try bob.add(stolen)
            var planted = bob.newTodo(title: "planted")
            planted.ownerId = "alice"
            try bob.add(planted)
            let report = try await bob.sync(transport: server.transport(user: "bob"))
            #expect(report.acceptedRows == 0)
            #expect(Dictionary(uniqueKeysWithValues: report.rejected.map { ($0.id, $0.code) })
                    == [groceries.id: .notFound, planted.id: .restrictMismatch])
            for rejection in report.rejected {
                #expect(!rejection.message.contains("Alice") && !rejection.message.contains("oat milk"))
            }
            // Bob downloaded nothing of Alice's: his rows are his own, his refused ones still unsent.
            let bobsRows = try bob.list(includeDeleted: true)
            #expect(Set(bobsRows.map(\.title)) == ["Bob: bike", "pwned", "planted"])
            #expect(try bob.unsentIDs() == [groceries.id, planted.id])
            #expect(!bobsRows.contains { $0.title.hasPrefix("Alice") || $0.notes == "oat milk" })

            // Hand-made uploads from Bob: an edit and a soft delete of Alice's row, and the same
            // of an id that exists nowhere. The answers are the same but for the id.
            let bobTransport = server.transport(user: "bob")
            let late = HLCTimestamp(microseconds: 4_000_000_000_000_000, node: "bob-phone")
            func answer(_ row: SyncDemoServerKit.Todo.Upload) async throws -> UploadResult<SyncDemoServerKit.Todo.Upload> {
                let body = try JSONEncoder().encode(TodosSyncGroup.UploadRequest(todos: [row]))
                let data = try await bobTransport.upload(group: "todos", body: body)
                return try #require(JSONDecoder().decode(TodosSyncGroup.UploadResponse.self, from: data).todos.first)
            }
            let edits: [(String) -> SyncDemoServerKit.Todo.Upload] = [
                { SyncDemoServerKit.Todo.Upload(id: $0, title: .set("pwned"), clocks: ["title": late]) },
                { SyncDemoServerKit.Todo.Upload(id: $0, isDeleted: .set(true), clocks: ["is_deleted": late]) },
            ]
            for edit in edits {
                var theirs = try await answer(edit(groceries.id))
                let missing = try await answer(edit("no-such-row"))
                #expect(theirs.status == .rejected && theirs.code == .notFound)
                theirs.id = "no-such-row"
                theirs.message = theirs.message?.replacingOccurrences(of: groceries.id, with: "no-such-row")
                #expect(theirs == missing)
            }

            // A download as Bob carries none of Alice's rows.
            let download = try await bobTransport.download(group: "todos", body: Data("{}".utf8))
            let page = try JSONDecoder().decode(TodosSyncGroup.DownloadResponse.self, from: download)
            #expect(page.todos.data.map(\.ownerId) == ["bob"])
            #expect(!String(decoding: download, as: UTF8.self).contains(groceries.id))

            // Alice's rows are unchanged on the server and on her device.
            #expect(try await server.serverRows().filter { $0.ownerId == "alice" } == alicesRows)
            _ = try await alice.sync(transport: server.transport(user: "alice"))
            #expect(try alice.list().map(deviceColumns) == alicesRows.map(serverColumns))
        }
    }

    @Test func requestsWithoutAValidUserAreRefused() async throws {
        try await DemoServer.with { server in
            let probes: [[String: String]] = [
                [:],
                ["Authorization": "Basic YWxpY2U6c2VjcmV0"],
                ["Authorization": "Bearer "],
                ["Authorization": "Bearer alice bob"],
                ["Authorization": "Bearer " + String(repeating: "a", count: 65)],
            ]
            for headers in probes {
                let transport = HTTPSyncTransport(baseURL: server.baseURL, headers: headers)
                for step in [HTTPSyncTransport.Step.download, .upload] {
                    do {
                        _ = step == .download
                            ? try await transport.download(group: "todos", body: Data("{}".utf8))
                            : try await transport.upload(group: "todos", body: Data("{}".utf8))
                        Issue.record("\(step) with \(headers) was answered")
                    } catch let error as HTTPSyncTransportError {
                        #expect(error.statusCode == 401, "\(step) with \(headers)")
                    }
                }
            }
            // A valid user with a body that is not a sync request: 400 with the reason.
            do {
                _ = try await server.transport(user: "alice").upload(group: "todos", body: Data(#"{"todos": 5}"#.utf8))
                Issue.record("a malformed upload was answered")
            } catch let error as HTTPSyncTransportError {
                #expect(error.statusCode == 400)
                #expect(error.body.contains("todos"))
            }
            // A group the server does not serve.
            do {
                _ = try await server.transport(user: "alice").download(group: "other", body: Data("{}".utf8))
                Issue.record("an unknown group was answered")
            } catch let error as HTTPSyncTransportError {
                #expect(error.statusCode == 404)
            }
        }
    }
}
