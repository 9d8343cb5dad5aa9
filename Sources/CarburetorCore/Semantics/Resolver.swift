/// Turns a syntax tree into a validated `Schema`, reporting every semantic error.
public struct Resolver {
    public static func resolve(_ syntax: ConfigSyntax, in file: SourceFile,
                               diagnostics: inout DiagnosticCollector) -> Schema {
        // Placeholder until the resolver lands.
        Schema(sourceName: file.name, tables: [], groups: [])
    }
}
