// Semantic error (E02xx and up), warning (W0xxx) and note (N0xxx) codes.

extension DiagnosticCatalogue {
    static let semanticDescriptors: [DiagnosticDescriptor] = []
}
