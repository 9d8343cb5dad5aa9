// Results the server sends back.

struct LSPDiagnostic: Codable, Hashable {
    struct RelatedInformation: Codable, Hashable {
        var location: Location
        var message: String
    }

    struct CodeDescription: Codable, Hashable {
        var href: String
    }

    var range: LSPRange
    /// 1 error, 2 warning, 3 information, 4 hint.
    var severity: Int
    var code: String
    var codeDescription: CodeDescription?
    var source: String
    var message: String
    var relatedInformation: [RelatedInformation]?
}

struct PublishDiagnosticsParams: Codable {
    var uri: String
    var version: Int?
    var diagnostics: [LSPDiagnostic]
}

struct MarkupContent: Codable {
    var kind = "markdown"
    var value: String
}

struct Hover: Codable {
    var contents: MarkupContent
    var range: LSPRange?
}

struct CompletionItem: Codable, Hashable {
    /// 2 method … the protocol's numbers; see `CompletionKind`.
    var label: String
    var kind: Int?
    var detail: String?
    var documentation: String?
    var insertText: String?
    /// 1 plain text, 2 snippet.
    var insertTextFormat: Int?
    var sortText: String?
    var filterText: String?
}

enum CompletionKind {
    static let field = 5
    static let variable = 6
    static let `class` = 7
    static let property = 10
    static let value = 12
    static let keyword = 14
    static let snippet = 15
    static let typeParameter = 25
}

struct CompletionList: Codable {
    var isIncomplete = false
    var items: [CompletionItem]
}

struct DocumentSymbol: Codable {
    var name: String
    var detail: String?
    /// 5 class (table), 8 field (column), 3 namespace (block or group), 20 key (group entry).
    var kind: Int
    var range: LSPRange
    var selectionRange: LSPRange
    var children: [DocumentSymbol]?
}

struct CodeAction: Codable {
    var title: String
    var kind: String
    var diagnostics: [LSPDiagnostic]?
    var isPreferred: Bool?
    var edit: WorkspaceEdit
}

struct PrepareRenameResult: Codable {
    var range: LSPRange
    var placeholder: String
}

struct SemanticTokens: Codable {
    var data: [Int]
}
