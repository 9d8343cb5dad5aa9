// The Language Server Protocol structures the server reads and writes: only
// the fields it uses. Positions count UTF-16 code units, as the protocol says.

public struct Position: Codable, Hashable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

public struct LSPRange: Codable, Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

public struct Location: Codable, Hashable, Sendable {
    public var uri: String
    public var range: LSPRange
}

public struct TextEdit: Codable, Hashable, Sendable {
    public var range: LSPRange
    public var newText: String
}

public struct WorkspaceEdit: Codable, Hashable, Sendable {
    public var changes: [String: [TextEdit]]
}

struct TextDocumentIdentifier: Codable {
    var uri: String
}

struct TextDocumentItem: Codable {
    var uri: String
    var languageId: String?
    var version: Int?
    var text: String
}

struct VersionedTextDocumentIdentifier: Codable {
    var uri: String
    var version: Int?
}

struct TextDocumentPositionParams: Codable {
    var textDocument: TextDocumentIdentifier
    var position: Position
}

struct DidOpenParams: Codable {
    var textDocument: TextDocumentItem
}

struct ContentChange: Codable {
    /// Present only for an incremental change, which the server does not ask for.
    var range: LSPRange?
    var text: String
}

struct DidChangeParams: Codable {
    var textDocument: VersionedTextDocumentIdentifier
    var contentChanges: [ContentChange]
}

struct DidCloseParams: Codable {
    var textDocument: TextDocumentIdentifier
}

struct DocumentParams: Codable {
    var textDocument: TextDocumentIdentifier
}

struct ReferenceParams: Codable {
    struct Context: Codable { var includeDeclaration: Bool }
    var textDocument: TextDocumentIdentifier
    var position: Position
    var context: Context?
}

struct RenameParams: Codable {
    var textDocument: TextDocumentIdentifier
    var position: Position
    var newName: String
}

struct CodeActionParams: Codable {
    var textDocument: TextDocumentIdentifier
    var range: LSPRange
}

struct InitializeParams: Codable {
    var initializationOptions: JSONValue?
}
