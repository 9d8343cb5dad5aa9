import CarburetorTestSupport
import Foundation
import Testing
@testable import CarburetorLanguageServer

/// Malformed messages, unknown methods and any document: an answer per the
/// protocol, a line in the log, and the server carries on.
@Suite(.timeLimit(.minutes(2)))
struct RobustnessTests {
    @Test func malformedJSONIsAParseError() {
        let client = TestClient.started()
        client.sendBody("{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": ")
        let error = client.waitFor { $0["error"] != nil }
        #expect(error["id"] == .null)
        #expect(error["error"]?["code"] == .integer(RPCErrorCode.parseError))
        #expect(client.log.contains { $0.contains("not JSON") })
        client.shutDown()
    }

    @Test func jsonThatIsNoRequestIsAnInvalidRequest() {
        let client = TestClient.started()
        for body in ["42", "[1, 2]", "\"text\"", "{}", "{\"id\": {\"a\": 1}, \"method\": \"shutdown\"}", "null"] {
            client.sendBody(body)
            let error = client.waitFor { $0["error"] != nil }
            #expect(error["error"]?["code"] == .integer(RPCErrorCode.invalidRequest), "\(body)")
        }
        client.shutDown()
    }

    @Test func unknownMethodsAndBadParams() {
        let client = TestClient.started()
        let unknown = client.request("textDocument/inlayHint", TestClient.document)
        #expect(unknown["error"]?["code"] == .integer(RPCErrorCode.methodNotFound))
        client.notify("$/cancelRequest", .object(["id": .integer(1)]))
        client.notify("workspace/didChangeConfiguration", .object([:]))
        client.notify("textDocument/didOpen", .string("not an object"))
        let bad = client.request("textDocument/hover", .object(["position": .string("here")]))
        #expect(bad["error"]?["code"] == .integer(RPCErrorCode.invalidParams))
        let noDocument = client.request("textDocument/hover", TestClient.at(0, 0, uri: "file:///nowhere.carb"))
        #expect(noDocument["error"]?["code"] == .integer(RPCErrorCode.requestFailed))
        // Positions far outside the document are clamped.
        _ = client.open(Sample.text)
        for request in ["textDocument/hover", "textDocument/definition", "textDocument/completion",
                        "textDocument/references", "textDocument/documentHighlight"] {
            #expect(client.request(request, TestClient.at(10_000, 10_000))["error"] == nil)
            #expect(client.request(request, TestClient.at(-1, -5))["error"] == nil)
        }
        client.shutDown()
    }

    @Test func brokenFramingIsSkipped() {
        let client = TestClient.started()
        client.sendRaw(Array("Content-Type: nothing else\r\n\r\n".utf8))
        client.sendRaw(Array("Content-Length: lots\r\n\r\n".utf8))
        client.sendRaw([0, 1, 2, 255, 254, 10, 13])
        client.sendRaw(Array("\r\n\r\n".utf8))
        // A lowercase header and a bare "\n\n" from a lenient client still work.
        let body = #"{"jsonrpc":"2.0","id":77,"method":"shutdown"}"#
        client.sendRaw(Array("content-length: \(body.utf8.count)\n\n\(body)".utf8))
        let response = client.waitFor { $0["id"] == .integer(77) }
        #expect(response["result"] == .null)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
        #expect(client.log.contains { $0.contains("Content-Length") })
    }

    @Test func bodyCutShortAtTheEndOfInput() {
        let client = TestClient.started()
        client.sendRaw(Array("Content-Length: 100\r\n\r\n{\"jsonrpc\"".utf8))
        client.closeInput()
        #expect(client.waitForExit() == 1)
    }

    @Test func framingReaderSplitsAndSkips() {
        final class Chunks: ByteInput {
            var chunks: [[UInt8]]
            init(_ chunks: [[UInt8]]) { self.chunks = chunks }
            func readSome() -> [UInt8] { chunks.isEmpty ? [] : chunks.removeFirst() }
        }
        let stream = Array("Content-Length: 2\r\n\r\n{}Content-Length: 3\r\nContent-Type: x\r\n\r\n[1]X-Other: 1\r\n\r\n".utf8)
        // Delivered one byte at a time.
        var reader = MessageReader(input: Chunks(stream.map { [$0] }))
        #expect(reader.next() == .body(Array("{}".utf8)))
        #expect(reader.next() == .body(Array("[1]".utf8)))
        if case .skipped = reader.next() {} else { Issue.record("expected a skipped header") }
        #expect(reader.next() == nil)
        #expect(MessageReader.contentLength(in: "Content-Length: -3") == nil)
    }

    /// Documents of random bytes and random tokens, and every request at
    /// many positions: no crash, always an answer.
    @Test func anyDocumentAnyPosition() {
        let client = TestClient.started()
        var generator = SplitMix64(seed: 15)
        let pieces = ["tables", "sync_groups", "{", "}", "(", ")", "<", ">", ",", "=", "->", "#[", "]", "$", "!",
                      "\"", "\"s\"", "/*", "*/", "//", "///", "\n", " ", "Nullable", "Text", "id", "user", "plural",
                      "restrict_to", "restrict_to_column", "default", "sql", "Now", "1.5", "é", "😀", "\u{0}", "\r",
                      "carburetor_sync_config", "user(", "x -> Txt", "#[renamed_from(a)]"]
        let requests = ["textDocument/hover", "textDocument/definition", "textDocument/references",
                        "textDocument/completion", "textDocument/prepareRename", "textDocument/documentHighlight"]
        for round in 0..<30 {
            let text: String
            if round % 3 == 0 {
                text = String(decoding: (0..<generator.next(below: 300)).map { _ in UInt8(generator.next(below: 256)) },
                              as: UTF8.self)
            } else {
                text = (0..<generator.next(below: 120)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            }
            _ = client.change(text, version: round + 1)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for _ in 0..<5 {
                let line = generator.next(below: lines.count + 1)
                let character = generator.next(below: (line < lines.count ? lines[line].utf16.count : 0) + 2)
                for request in requests {
                    let response = client.request(request, TestClient.at(line, character))
                    #expect(response["id"] != nil)
                }
                let rename = client.request("textDocument/rename", TestClient.at(line, character, ["newName": .string("renamed")]))
                #expect(rename["id"] != nil)
            }
            for request in ["textDocument/formatting", "textDocument/documentSymbol", "textDocument/semanticTokens/full"] {
                #expect(client.request(request, TestClient.document)["error"] == nil)
            }
            let range: JSONValue = .object(["start": .object(["line": .integer(0), "character": .integer(0)]),
                                            "end": .object(["line": .integer(lines.count), "character": .integer(0)])])
            #expect(client.request("textDocument/codeAction", .object([
                "textDocument": .object(["uri": .string(TestClient.uri)]), "range": range]))["error"] == nil)
        }
        client.shutDown()
    }
}
