import CarburetorWire

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
        var ruleIndex: [DiagnosticCode: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.code] == nil {
            ruleIndex[rule.code] = index
        }
        let results = files.flatMap { entry in
            let locator = SourceLocator(entry.file)
            return entry.diagnostics.map { result(for: $0, in: locator, ruleIndex: ruleIndex[$0.code]) }
        }
        let ruleValues = rules.map { descriptor -> JSONDocument in
            .object([
                ("id", .string(descriptor.code.rawValue)),
                ("shortDescription", .object([("text", .string(descriptor.title))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(for: descriptor.severity)))])),
            ])
        }
        let run: JSONDocument = .object([
            ("tool", .object([("driver", .object([
                ("name", .string(Self.toolName)),
                ("rules", .array(ruleValues)),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let log: JSONDocument = .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.rendered(.readable) + "\n"
    }

    private func result(for diagnostic: Diagnostic, in locator: SourceLocator, ruleIndex: Int?) -> JSONDocument {
        var text = diagnostic.message
        if let help = diagnostic.help { text += "\nhelp: \(help)" }
        var members: [(key: String, value: JSONDocument)] = [("ruleId", .string(diagnostic.code.rawValue))]
        if let ruleIndex { members.append(("ruleIndex", .integer(ruleIndex))) }
        members += [
            ("level", .string(Self.level(for: diagnostic.severity))),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(diagnostic.range, in: locator))])])),
        ]
        if !diagnostic.notes.isEmpty {
            let related = diagnostic.notes.enumerated().map { index, note -> JSONDocument in
                var location: [(key: String, value: JSONDocument)] = [
                    ("id", .integer(index)),
                    ("message", .object([("text", .string(note.message))])),
                ]
                if let range = note.range { location.append(("physicalLocation", physicalLocation(range, in: locator))) }
                return .object(location)
            }
            members.append(("relatedLocations", .array(related)))
        }
        return .object(members)
    }

    private func physicalLocation(_ range: SourceRange, in locator: SourceLocator) -> JSONDocument {
        let location = ResolvedLocation(range, in: locator)
        return .object([
            ("artifactLocation", .object([("uri", .string(Self.uriReference(for: locator.file.name)))])),
            ("region", .object([
                ("startLine", .integer(location.line)),
                ("startColumn", .integer(location.column)),
                ("endLine", .integer(location.endLine)),
                ("endColumn", .integer(location.endColumn)),
            ])),
        ])
    }

    static func level(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A file name as a URI: a relative path stays a relative reference (SARIF
    /// consumers resolve it against the repository root), an absolute path
    /// becomes a `file://` URI. Unreserved characters and `/` stay; everything
    /// else is percent-encoded (`<stdin>` → `%3Cstdin%3E`).
    static func uriReference(for name: String) -> String {
        var result = name.hasPrefix("/") ? "file://" : ""
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
}
