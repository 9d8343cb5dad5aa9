import Foundation
import SyncDemoServerKit
import Testing

/// The built `sync-demo-client` and `sync-demo-server` programs: a session
/// against the in-process server, and bad input answered with one clear line
/// and a failing exit status, never a crash.
@Suite(.serialized) struct CommandLineTests {
    /// The folder of the built products (the test bundle sits beside them).
    static let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

    struct Outcome {
        var status: Int32
        var output: String
        var error: String
        var crashed: Bool
    }

    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent(program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                       error: String(decoding: errData, as: UTF8.self),
                       crashed: process.terminationReason == .uncaughtSignal)
    }

    @Test func aSessionOfTwoDevicesAgainstTheServer() async throws {
        let bin = Self.binaries
        #expect(FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("sync-demo-client").path))
        try await DemoServer.with { server in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let phone = ["--db", directory.path("phone.sqlite"), "--user", "dana", "--node", "dana-phone"]
            let laptop = ["--db", directory.path("laptop.sqlite"), "--user", "dana"]
            let url = ["--server", server.baseURL.absoluteString]

            let added = try Self.run("sync-demo-client", ["add"] + phone + ["Water the plants", "--notes", "ferns",
                                                                          "--due", "2026-12-24", "--spent", "5"])
            #expect(added.status == 0, "\(added.error)")
            #expect(added.output.hasPrefix("added ") && added.output.contains("Water the plants"))
            let id = String(added.output.dropFirst("added ".count).prefix(8))
            #expect(try Self.run("sync-demo-client", ["sync"] + phone + url).output.contains("uploaded 1 (accepted 1"))
            #expect(try Self.run("sync-demo-client", ["sync"] + laptop + url).output.contains("downloaded 1"))
            let listed = try Self.run("sync-demo-client", ["list"] + laptop).output
            #expect(listed.contains("\(id)  [ ] Water the plants (p3, 0%, 5 min, weight 1.0, due 2026-12-24) — ferns"),
                    "\(listed)")

            #expect(try Self.run("sync-demo-client", ["edit"] + laptop + [id, "--done", "true", "--progress", "1"]).status == 0)
            #expect(try Self.run("sync-demo-client", ["list"] + laptop).output.contains("\(id)* [x]"))
            _ = try Self.run("sync-demo-client", ["sync"] + laptop + url)
            _ = try Self.run("sync-demo-client", ["sync"] + phone + url)
            let phoneList = try Self.run("sync-demo-client", ["list"] + phone).output
            #expect(phoneList.contains("\(id)  [x] Water the plants (p3, 100%"), "\(phoneList)")

            // `--create-schema` at every start: applying the schema again keeps the data.
            try SyncDemoSchema.create(databaseURL: server.database.url)
            #expect(try await server.serverRows().map(\.title) == ["Water the plants"])
        }
    }

    @Test func badInputGetsOneClearLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let device = ["--db", directory.path("erin.sqlite"), "--user", "erin"]
        #expect(try Self.run("sync-demo-client", ["list"] + device).output == "(no items)\n")

        let cases: [([String], String)] = [
            (["add"] + device + ["x", "--priority", "9"], "--priority must be 1–5"),
            (["add"] + device + ["x", "--due", "2026-13-40"], "--due must be a date"),
            (["add"] + device + ["x", "--remind-at", "tomorrow"], "--remind-at must be an RFC 3339 instant"),
            (["add"] + device + ["x", "--done", "maybe"], "--done"),
            (["add"] + device + [""], "the title must not be empty"),
            (["edit"] + device + ["ffff", "--title", "y"], "no item with an id starting with \"ffff\""),
            (["delete"] + device + ["ffff"], "no item with an id starting with"),
            (["list", "--db", directory.path("erin.sqlite"), "--user", "frank"], "is the database of user \"erin\""),
            (["list", "--db", directory.path("erin.sqlite"), "--user", "erin", "--node", "other"], "syncs as node"),
            (["list", "--db", directory.path("new.sqlite"), "--user", "erin", "--node", "bad node!"], "invalid --node"),
            (["list", "--db", "/nonexistent-folder/x.sqlite", "--user", "erin"], "cannot open the database"),
            (["sync"] + device + ["--server", "not a url"], "--server must be an http(s) URL"),
            (["sync"] + device + ["--server", "http://127.0.0.1:1"], "cannot reach the server http://127.0.0.1:1/todos/"),
            (["list"], "Missing expected argument"),
            (["frobnicate"], "Unexpected argument"),
        ]
        for (arguments, expected) in cases {
            let outcome = try Self.run("sync-demo-client", arguments)
            #expect(outcome.status != 0 && !outcome.crashed, "\(arguments)")
            #expect(outcome.error.contains(expected), "\(arguments): \(outcome.error)")
            #expect(!outcome.error.contains("Fatal error") && !outcome.error.contains("Stack dump"), "\(arguments)")
        }
    }

    @Test func theServerExplainsAMissingDatabaseAndPrintsItsSchema() throws {
        let missing = try Self.run("sync-demo-server", [], environment: ["DATABASE_URL": ""])
        #expect(missing.status != 0 && !missing.crashed)
        #expect(missing.error.contains("pass --database-url or set DATABASE_URL"), "\(missing.error)")
        let badPort = try Self.run("sync-demo-server", ["--port", "70000"])
        #expect(badPort.status != 0 && badPort.error.contains("--port must be 0–65535"))
        let schema = try Self.run("sync-demo-server", ["--print-schema"])
        #expect(schema.status == 0)
        #expect(schema.output.trimmingCharacters(in: .whitespacesAndNewlines)
                == (try SyncDemoSchema.sql()).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(schema.output.contains("CREATE TABLE IF NOT EXISTS"))
    }
}
