import Foundation
import Testing

/// `carburetor-compile lsp` as an editor starts it: a whole session over
/// standard input and output, garbage included, and the exit status.
@Suite struct LanguageServerExecutableTests {
    static func framed(_ body: String) -> String {
        "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    @Test func aSessionOverStandardInputAndOutput() throws {
        let config = #"tables { user { /* é */ name -> Txt } }"#
        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///c.carb","languageId":"carburetor","version":1,"text":"\#(config)"}}}"#
        let session = [
            Self.framed(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#),
            Self.framed(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
            "garbage without a header\r\n\r\n",
            Self.framed("{not json"),
            Self.framed(open),
            Self.framed(#"{"jsonrpc":"2.0","id":2,"method":"no/such/method"}"#),
            Self.framed(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#),
            Self.framed(#"{"jsonrpc":"2.0","method":"exit"}"#),
        ].joined()
        let result = try Executable.run(["lsp"], stdin: session)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(#""code":"E0210""#))
        #expect(result.standardOutput.contains(#""range":{"end":{"character":35,"line":0},"start":{"character":32,"line":0}}"#))
        #expect(result.standardOutput.contains(#""code":-32700"#))
        #expect(result.standardOutput.contains(#""code":-32601"#))
        #expect(result.standardOutput.contains(#""id":3,"jsonrpc":"2.0","result":null"#))
        #expect(result.standardError.contains("skipped input"))
    }

    @Test func endOfInputWithoutShutdownIsStatusOne() throws {
        let result = try Executable.run(["lsp"], stdin: "")
        #expect(result.status == 1)
    }
}
