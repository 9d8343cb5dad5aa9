/// `--format sarif`: a SARIF 2.1.0 log for code-scanning upload
/// (`github/codeql-action/upload-sarif` and other SARIF consumers).
///
/// One run whose driver lists every rule of `DiagnosticCatalogue.all`, so a
/// result's `ruleId` always resolves. Columns count Unicode code points, the
/// same unit as the other formats, and the run says so in `columnKind`.
public struct SARIFDiagnosticRenderer: DiagnosticRenderer {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let toolName = "carburetor-compile"

    public var rules: [DiagnosticDescriptor]

    public init(rules: [DiagnosticDescriptor] = DiagnosticCatalogue.all) {
        self.rules = rules
    }

    public func render(_ files: [FileDiagnostics]) -> String {
        let ruleIndex = Dictionary(rules.enumerated().map { ($0.element.code, $0.offset) },
                                   uniquingKeysWith: { first, _ in first })
        let results = files.flatMap { entry in
            entry.diagnostics.map { result(for: $0, in: entry.file, ruleIndex: ruleIndex[$0.code]) }
        }
        let log = Log(
            schema: Self.schemaURI,
            version: "2.1.0",
            runs: [Run(
                tool: Tool(driver: Driver(
                    name: Self.toolName,
                    rules: rules.map { descriptor in
                        Rule(id: descriptor.code.rawValue,
                             shortDescription: Message(text: descriptor.title),
                             defaultConfiguration: Configuration(level: Self.level(for: descriptor.severity)))
                    }
                )),
                columnKind: "unicodeCodePoints",
                results: results
            )]
        )
        return StableJSON.encode(log) + "\n"
    }

    private func result(for diagnostic: Diagnostic, in file: SourceFile, ruleIndex: Int?) -> Result {
        var text = diagnostic.message
        if let help = diagnostic.help { text += "\nhelp: \(help)" }
        let related = diagnostic.notes.enumerated().map { index, note in
            RelatedLocation(
                id: index,
                message: Message(text: note.message),
                physicalLocation: note.range.map { PhysicalLocation($0, in: file) }
            )
        }
        return Result(
            ruleId: diagnostic.code.rawValue,
            ruleIndex: ruleIndex,
            level: Self.level(for: diagnostic.severity),
            message: Message(text: text),
            locations: [Location(physicalLocation: PhysicalLocation(diagnostic.range, in: file))],
            relatedLocations: related.isEmpty ? nil : related
        )
    }

    static func level(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative path or name as a URI reference: unreserved characters and
    /// `/` stay, everything else is percent-encoded (`<stdin>` → `%3Cstdin%3E`).
    static func uriReference(for name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            let isUnreserved = (byte < 0x80) && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-._~/".unicodeScalars.contains(scalar))
            if isUnreserved {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    // MARK: The subset of the SARIF object model this renderer writes

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var columnKind: String
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Message
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Message: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [RelatedLocation]?
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct RelatedLocation: Encodable {
        var id: Int
        var message: Message
        var physicalLocation: PhysicalLocation?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region

        init(_ range: SourceRange, in file: SourceFile) {
            let location = ResolvedLocation(range, in: file)
            artifactLocation = ArtifactLocation(uri: SARIFDiagnosticRenderer.uriReference(for: file.name))
            region = Region(startLine: location.line, startColumn: location.column,
                            endLine: location.endLine, endColumn: location.endColumn)
        }
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }
}
