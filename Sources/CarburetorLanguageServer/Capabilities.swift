/// What the server answers `initialize` with.
enum Capabilities {
    static let semanticTokenTypes = [
        "keyword", "class", "property", "type", "namespace", "decorator", "variable", "parameter",
        "string", "number", "comment", "operator", "enumMember",
    ]
    static let semanticTokenModifiers = ["declaration", "documentation"]

    static var initializeResult: JSONValue {
        .object([
            "capabilities": .object([
                // 1 = full: every change sends the whole text.
                "textDocumentSync": .object([
                    "openClose": .bool(true),
                    "change": .integer(1),
                ]),
                "hoverProvider": .bool(true),
                "definitionProvider": .bool(true),
                "referencesProvider": .bool(true),
                "documentHighlightProvider": .bool(true),
                "renameProvider": .object(["prepareProvider": .bool(true)]),
                "documentFormattingProvider": .bool(true),
                "documentSymbolProvider": .bool(true),
                "completionProvider": .object([
                    "triggerCharacters": .array(["[", "<", "$", "=", "(", " "].map(JSONValue.string)),
                ]),
                "codeActionProvider": .object([
                    "codeActionKinds": .array([.string("quickfix")]),
                ]),
                "semanticTokensProvider": .object([
                    "legend": .object([
                        "tokenTypes": .array(semanticTokenTypes.map(JSONValue.string)),
                        "tokenModifiers": .array(semanticTokenModifiers.map(JSONValue.string)),
                    ]),
                    "full": .bool(true),
                ]),
            ]),
            "serverInfo": .object([
                "name": .string("carburetor-compile lsp"),
            ]),
        ])
    }
}
