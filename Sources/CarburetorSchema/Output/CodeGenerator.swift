/// One file a backend produces, with a path relative to `--out DIR`.
public struct GeneratedFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// A backend: turns a resolved `Schema` into text. Backends never see syntax.
/// Output must be deterministic: the same schema gives the same bytes.
public protocol CodeGenerator: Sendable {
    /// The files written under `--out DIR`.
    func files(for schema: Schema) -> [GeneratedFile]
    /// What is printed on standard output when there is no `--out`.
    func standardOutput(for schema: Schema) -> String
}
