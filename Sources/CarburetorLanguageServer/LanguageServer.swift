import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import Foundation

/// A Language Server Protocol server for `.carb` files over one byte stream
/// in and one out (standard input and output for `carburetor-compile lsp`).
///
/// Messages are handled one at a time, in order, on the calling thread: each
/// takes well under a millisecond at the sizes configs have, so there is
/// nothing to cancel. Documents are synced in full. Nothing a client sends
/// stops the server but `exit` or the end of its input: a malformed message
/// gets an error response (or, without an id, a line in the log).
public final class LanguageServer {
    private var reader: MessageReader
    private let writer: MessageWriter
    private let log: (String) -> Void
    private var documents: [String: OpenDocument] = [:]
    private var isInitialized = false
    private var isShuttingDown = false
    private var options = ServerOptions()

    /// - Parameter log: where messages for people go (standard error).
    public init(input: ByteInput, output: ByteOutput, log: @escaping (String) -> Void) {
        reader = MessageReader(input: input)
        writer = MessageWriter(output: output)
        self.log = log
    }

    /// Serves until `exit` or the end of input. Returns the process exit
    /// status the protocol asks for: success after `shutdown`, failure otherwise.
    public func run() -> ExitStatus {
        while let message = reader.next() {
            switch message {
            case .skipped(let reason):
                log("carburetor lsp: skipped input: \(reason)")
            case .body(let body):
                if handle(body) == .exit { return isShuttingDown ? .success : .failure }
            }
        }
        log("carburetor lsp: input ended")
        return isShuttingDown ? .success : .failure
    }

    private enum Outcome { case carryOn, exit }

    private func handle(_ body: [UInt8]) -> Outcome {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(body))
        } catch {
            log("carburetor lsp: message is not JSON: \(error)")
            respond(id: .null, error: RPCError(code: RPCErrorCode.parseError, message: "parse error: the message is not JSON"))
            return .carryOn
        }
        guard case .object = value, let message = try? JSONCoding.decode(IncomingMessage.self, from: value) else {
            log("carburetor lsp: message is not a JSON-RPC object")
            respond(id: .null, error: RPCError(code: RPCErrorCode.invalidRequest, message: "invalid request"))
            return .carryOn
        }
        guard let method = message.method else {
            // A response to a request of ours (we send none) or garbage.
            if message.id == nil {
                respond(id: .null, error: RPCError(code: RPCErrorCode.invalidRequest, message: "invalid request: no method"))
            }
            return .carryOn
        }
        if method == "exit" { return .exit }
        if let id = message.id {
            switch id {
            case .integer, .string: break
            default:
                respond(id: .null, error: RPCError(code: RPCErrorCode.invalidRequest, message: "invalid request: id must be a number or a string"))
                return .carryOn
            }
            handleRequest(id: id, method: method, params: message.params)
        } else {
            handleNotification(method: method, params: message.params)
        }
        return .carryOn
    }

    // MARK: Requests

    private func handleRequest(id: JSONValue, method: String, params: JSONValue?) {
        if !isInitialized && method != "initialize" {
            respond(id: id, error: RPCError(code: RPCErrorCode.serverNotInitialized, message: "the server is not initialized"))
            return
        }
        if isShuttingDown {
            respond(id: id, error: RPCError(code: RPCErrorCode.invalidRequest, message: "the server is shutting down"))
            return
        }
        do {
            let result = try answer(method: method, params: params)
            respond(id: id, result: result)
        } catch let error as RPCError {
            if error.code != RPCErrorCode.methodNotFound {
                log("carburetor lsp: \(method) failed: \(error.message)")
            }
            respond(id: id, error: error)
        } catch {
            log("carburetor lsp: \(method) failed: \(error)")
            respond(id: id, error: RPCError(code: RPCErrorCode.internalError, message: "\(error)"))
        }
    }

    private func answer(method: String, params: JSONValue?) throws -> JSONValue {
        switch method {
        case "initialize":
            let parameters = try JSONCoding.decode(InitializeParams.self, from: params)
            options = ServerOptions(parameters.initializationOptions)
            isInitialized = true
            return Capabilities.initializeResult
        case "shutdown":
            isShuttingDown = true
            return .null
        case "textDocument/hover":
            let parameters = try JSONCoding.decode(TextDocumentPositionParams.self, from: params)
            return try encoded(HoverProvider.hover(in: analysis(parameters.textDocument.uri),
                                                   at: parameters.position))
        case "textDocument/definition":
            let parameters = try JSONCoding.decode(TextDocumentPositionParams.self, from: params)
            let uri = parameters.textDocument.uri
            return try encoded(Navigation.definition(in: analysis(uri), uri: uri, at: parameters.position))
        case "textDocument/references":
            let parameters = try JSONCoding.decode(ReferenceParams.self, from: params)
            let uri = parameters.textDocument.uri
            return try encoded(Navigation.references(in: analysis(uri), uri: uri, at: parameters.position,
                                                     includeDeclaration: parameters.context?.includeDeclaration ?? true))
        case "textDocument/documentHighlight":
            let parameters = try JSONCoding.decode(TextDocumentPositionParams.self, from: params)
            return try encoded(Navigation.highlights(in: analysis(parameters.textDocument.uri), at: parameters.position))
        case "textDocument/prepareRename":
            let parameters = try JSONCoding.decode(TextDocumentPositionParams.self, from: params)
            return try encoded(Rename.prepare(in: analysis(parameters.textDocument.uri), at: parameters.position))
        case "textDocument/rename":
            let parameters = try JSONCoding.decode(RenameParams.self, from: params)
            let uri = parameters.textDocument.uri
            return try encoded(Rename.edit(in: analysis(uri), uri: uri, at: parameters.position,
                                           to: parameters.newName, addRenamedFrom: options.renameAddsRenamedFrom))
        case "textDocument/formatting":
            let parameters = try JSONCoding.decode(DocumentParams.self, from: params)
            return try encoded(Formatting.edits(for: analysis(parameters.textDocument.uri)))
        case "textDocument/documentSymbol":
            let parameters = try JSONCoding.decode(DocumentParams.self, from: params)
            return try encoded(DocumentSymbols.symbols(in: analysis(parameters.textDocument.uri)))
        case "textDocument/completion":
            let parameters = try JSONCoding.decode(TextDocumentPositionParams.self, from: params)
            return try encoded(Completion.list(in: analysis(parameters.textDocument.uri), at: parameters.position))
        case "textDocument/codeAction":
            let parameters = try JSONCoding.decode(CodeActionParams.self, from: params)
            let uri = parameters.textDocument.uri
            return try encoded(CodeActions.actions(in: analysis(uri), uri: uri, range: parameters.range))
        case "textDocument/semanticTokens/full":
            let parameters = try JSONCoding.decode(DocumentParams.self, from: params)
            return try encoded(SemanticTokenProvider.tokens(in: analysis(parameters.textDocument.uri)))
        default:
            throw RPCError(code: RPCErrorCode.methodNotFound, message: "method not found: \(method)")
        }
    }

    private func encoded<T: Encodable>(_ result: T?) throws -> JSONValue {
        guard let result else { return .null }
        return try JSONCoding.value(result)
    }

    private func analysis(_ uri: String) throws -> DocumentAnalysis {
        guard let document = documents[uri] else {
            throw RPCError(code: RPCErrorCode.requestFailed, message: "document not open: \(uri)")
        }
        return document.analysis
    }

    // MARK: Notifications

    private func handleNotification(method: String, params: JSONValue?) {
        guard isInitialized, !isShuttingDown || method == "exit" else { return }
        do {
            switch method {
            case "textDocument/didOpen":
                let parameters = try JSONCoding.decode(DidOpenParams.self, from: params)
                let item = parameters.textDocument
                update(uri: item.uri, text: item.text, version: item.version)
            case "textDocument/didChange":
                let parameters = try JSONCoding.decode(DidChangeParams.self, from: params)
                let uri = parameters.textDocument.uri
                // Full sync: the last change holds the whole text.
                guard let text = parameters.contentChanges.last?.text else { return }
                if parameters.contentChanges.last?.range != nil {
                    log("carburetor lsp: incremental change ignored (the server asks for full sync)")
                    return
                }
                update(uri: uri, text: text, version: parameters.textDocument.version)
            case "textDocument/didClose":
                let parameters = try JSONCoding.decode(DidCloseParams.self, from: params)
                documents[parameters.textDocument.uri] = nil
                publish(PublishDiagnosticsParams(uri: parameters.textDocument.uri, version: nil, diagnostics: []))
            default:
                // `initialized`, `$/…`, `workspace/didChangeConfiguration`, `textDocument/didSave` …
                break
            }
        } catch {
            log("carburetor lsp: \(method) ignored: \(error)")
        }
    }

    private func update(uri: String, text: String, version: Int?) {
        let document = OpenDocument(uri: uri, text: text, version: version)
        documents[uri] = document
        publish(PublishDiagnosticsParams(
            uri: uri, version: version,
            diagnostics: DiagnosticConversion.diagnostics(of: document.analysis, uri: uri)))
    }

    // MARK: Output

    private func publish(_ parameters: PublishDiagnosticsParams) {
        let notification = OutgoingNotification(method: "textDocument/publishDiagnostics", params: parameters)
        send(notification)
    }

    private func respond(id: JSONValue, result: JSONValue) {
        send(OutgoingResponse(id: id, result: result))
    }

    private func respond(id: JSONValue, error: RPCError) {
        send(OutgoingResponse(id: id, error: error))
    }

    private func send<T: Encodable>(_ message: T) {
        do {
            writer.write(Array(try JSONCoding.encoder().encode(message)))
        } catch {
            log("carburetor lsp: could not encode a message: \(error)")
        }
    }
}

/// One open document and its analysis, made when its text arrives.
struct OpenDocument {
    var uri: String
    var version: Int?
    var analysis: DocumentAnalysis

    init(uri: String, text: String, version: Int?) {
        self.uri = uri
        self.version = version
        analysis = DocumentAnalysis(file: SourceFile(name: DocumentNames.displayName(of: uri), text: text))
    }
}

enum DocumentNames {
    /// The path of a `file://` URI, the URI itself otherwise.
    static func displayName(of uri: String) -> String {
        if let url = URL(string: uri), url.isFileURL { return url.path }
        return uri
    }
}

/// Settings a client may pass as `initializationOptions`.
struct ServerOptions {
    /// Rename also writes `#[renamed_from(old)]`, so that the next migration
    /// renames the table or column instead of dropping it.
    var renameAddsRenamedFrom = true

    init(_ value: JSONValue? = nil) {
        if let flag = value?["renameAddsRenamedFrom"]?.boolValue { renameAddsRenamedFrom = flag }
    }
}
