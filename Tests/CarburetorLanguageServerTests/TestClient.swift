import Dispatch
import struct CarburetorSchema.ExitStatus
import Foundation
import Testing
@testable import CarburetorLanguageServer

/// A language client over two pipes, with the server running on its own
/// thread in this process: what an editor does, message by message.
final class TestClient: @unchecked Sendable {
    static let uri = "file:///work/config.carb"

    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var messages: [JSONValue] = []
    private var exitStatus: ExitStatus?
    private var nextID = 1
    private var logLines: [String] = []

    /// What the server wrote to its log so far.
    var log: [String] { lock.withLock { logLines } }

    init() {
        let server = LanguageServer(
            input: FileHandleStream(toServer.fileHandleForReading),
            output: FileHandleStream(fromServer.fileHandleForWriting),
            log: { [weak self] line in self?.record(log: line) })
        let serverBox = UncheckedBox(server)
        Thread.detachNewThread { [self] in
            let status = serverBox.value.run()
            lock.withLock { exitStatus = status }
            try? fromServer.fileHandleForWriting.close()
            finished.signal()
        }
        Thread.detachNewThread { [self] in
            var reader = MessageReader(input: FileHandleStream(fromServer.fileHandleForReading))
            while let message = reader.next() {
                guard case .body(let body) = message,
                      let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else { continue }
                lock.withLock { messages.append(value) }
                arrived.signal()
            }
        }
    }

    private func record(log line: String) {
        lock.withLock { logLines.append(line) }
    }

    // MARK: Sending

    func sendRaw(_ bytes: [UInt8]) {
        toServer.fileHandleForWriting.write(Data(bytes))
    }

    func sendBody(_ body: String) {
        let bytes = Array(body.utf8)
        sendRaw(Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes)
    }

    func send(_ message: [String: JSONValue]) {
        var message = message
        message["jsonrpc"] = .string("2.0")
        let data = try! JSONEncoder().encode(JSONValue.object(message))
        sendBody(String(decoding: data, as: UTF8.self))
    }

    /// Sends a request and waits for its response.
    @discardableResult
    func request(_ method: String, _ params: JSONValue = .null) -> JSONValue {
        let id = lock.withLock { () -> Int in
            defer { nextID += 1 }
            return nextID
        }
        send(["id": .integer(id), "method": .string(method), "params": params])
        return waitFor { $0["id"] == .integer(id) && $0["method"] == nil }
    }

    func notify(_ method: String, _ params: JSONValue = .null) {
        send(["method": .string(method), "params": params])
    }

    func closeInput() {
        try? toServer.fileHandleForWriting.close()
    }

    // MARK: Receiving

    /// The first message that matches, removed from those received; fails the
    /// test (and returns `null`) when none comes within ten seconds.
    func waitFor(_ matches: (JSONValue) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        let deadline = DispatchTime.now() + .seconds(10)
        while true {
            let found = lock.withLock { () -> JSONValue? in
                guard let index = messages.firstIndex(where: matches) else { return nil }
                return messages.remove(at: index)
            }
            if let found { return found }
            if arrived.wait(timeout: deadline) == .timedOut {
                Issue.record("no matching message from the server within 10 seconds", sourceLocation: sourceLocation)
                return .null
            }
        }
    }

    func diagnostics(version: Int? = nil) -> JSONValue {
        waitFor {
            $0["method"] == .string("textDocument/publishDiagnostics")
                && (version == nil || $0["params"]?["version"] == .integer(version!))
        }["params"]?["diagnostics"] ?? .null
    }

    func waitForExit() -> ExitStatus? {
        guard finished.wait(timeout: .now() + .seconds(10)) == .success else { return nil }
        return lock.withLock { exitStatus }
    }

    // MARK: Conveniences

    @discardableResult
    static func started() -> TestClient {
        let client = TestClient()
        let result = client.request("initialize", .object(["processId": .null, "capabilities": .object([:])]))
        #expect(result["result"]?["capabilities"] != nil)
        client.notify("initialized", .object([:]))
        return client
    }

    func open(_ text: String, uri: String = TestClient.uri, version: Int = 1) -> JSONValue {
        notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("carburetor"), "version": .integer(version),
            "text": .string(text),
        ])]))
        return diagnostics(version: version)
    }

    func change(_ text: String, uri: String = TestClient.uri, version: Int) -> JSONValue {
        notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .integer(version)]),
            "contentChanges": .array([.object(["text": .string(text)])]),
        ]))
        return diagnostics(version: version)
    }

    /// `{"textDocument": {"uri": …}, "position": {…}}` plus `extra`.
    static func at(_ line: Int, _ character: Int, uri: String = TestClient.uri,
                   _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var params: [String: JSONValue] = [
            "textDocument": .object(["uri": .string(uri)]),
            "position": .object(["line": .integer(line), "character": .integer(character)]),
        ]
        params.merge(extra) { _, new in new }
        return .object(params)
    }

    static var document: JSONValue {
        .object(["textDocument": .object(["uri": .string(uri)])])
    }

    func shutDown() {
        let response = request("shutdown")
        #expect(response["result"] == .null)
        #expect(response["error"] == nil)
        notify("exit")
        #expect(waitForExit() == 0)
    }
}

struct UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

extension JSONValue {
    subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    var array: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    var int: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// `line:character` of a range's start, for compact expectations.
    var start: String {
        "\(self["start"]?["line"]?.int ?? -1):\(self["start"]?["character"]?.int ?? -1)"
    }

    var end: String {
        "\(self["end"]?["line"]?.int ?? -1):\(self["end"]?["character"]?.int ?? -1)"
    }
}
