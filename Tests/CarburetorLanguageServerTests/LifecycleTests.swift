import Testing
@testable import CarburetorLanguageServer

/// initialize, shutdown, exit, and what comes out of order.
@Suite(.timeLimit(.minutes(1)))
struct LifecycleTests {
    @Test func initializeAnnouncesEveryFeature() {
        let client = TestClient()
        let result = client.request("initialize", .object(["capabilities": .object([:])]))["result"]
        let capabilities = result?["capabilities"]
        #expect(capabilities?["textDocumentSync"]?["change"] == .integer(1))
        for provider in ["hoverProvider", "definitionProvider", "referencesProvider", "renameProvider",
                         "documentFormattingProvider", "documentSymbolProvider", "completionProvider",
                         "codeActionProvider", "semanticTokensProvider"] {
            #expect(capabilities?[provider] != nil, "\(provider)")
        }
        client.notify("initialized", .object([:]))
        client.shutDown()
    }

    @Test func exitWithoutShutdownIsStatusOne() {
        let client = TestClient.started()
        client.notify("exit")
        #expect(client.waitForExit() == 1)
    }

    @Test func endOfInputStopsTheServer() {
        let client = TestClient.started()
        client.closeInput()
        #expect(client.waitForExit() == 1)
    }

    @Test func requestBeforeInitializeIsRefused() {
        let client = TestClient()
        let response = client.request("textDocument/hover", TestClient.at(0, 0))
        #expect(response["error"]?["code"] == .integer(RPCErrorCode.serverNotInitialized))
        client.request("initialize", .object([:]))
        client.shutDown()
    }

    @Test func requestAfterShutdownIsRefused() {
        let client = TestClient.started()
        #expect(client.request("shutdown")["result"] == .null)
        let response = client.request("textDocument/documentSymbol", TestClient.document)
        #expect(response["error"]?["code"] == .integer(RPCErrorCode.invalidRequest))
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func closingADocumentClearsItsDiagnostics() {
        let client = TestClient.started()
        #expect(client.open(Sample.withUnknownType).array.count == 1)
        client.notify("textDocument/didClose", TestClient.document)
        #expect(client.diagnostics() == .array([]))
        let response = client.request("textDocument/hover", TestClient.at(0, 0))
        #expect(response["error"]?["code"] == .integer(RPCErrorCode.requestFailed))
        client.shutDown()
    }
}
