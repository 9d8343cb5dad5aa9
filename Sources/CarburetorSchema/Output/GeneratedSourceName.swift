/// How generated files name the config they come from. The same config must
/// give the same bytes on every machine, so a header never carries this
/// machine's directory layout: the command line makes a path under the
/// current directory relative before it gets here, and an absolute path that
/// is left (a config outside the current directory, or one a build plugin
/// names absolutely) keeps only its file name. Relative paths and `<stdin>`
/// stay as given. Line terminators are flattened by each header writer.
public enum GeneratedSourceName {
    public static func from(_ path: String) -> String {
        guard isAbsolute(path) else { return path }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return components.last.map(String.init) ?? path
    }

    /// `/…`, `\…` (and `\\server\…`), or a drive letter: `C:\…`, `C:/…`.
    static func isAbsolute(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(3))
        guard let first = scalars.first else { return false }
        if first == "/" || first == "\\" { return true }
        return scalars.count == 3 && first.properties.isAlphabetic && first.isASCII
            && scalars[1] == ":" && (scalars[2] == "/" || scalars[2] == "\\")
    }
}
