// Lexical (E00xx) and syntax (E01xx) diagnostic codes.

extension DiagnosticCatalogue {
    static let syntaxDescriptors: [DiagnosticDescriptor] = []
}
