/// Why a generated file cannot be written or checked.
public enum OutputError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The generator produced a path that is absolute, empty, or leaves the output directory.
    case invalidPath(String)
    /// A system call failed; `reason` is the system's message.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidPath(let path):
            "generated file path '\(path)' is not a relative path inside the output directory"
        case .io(let path, let reason):
            "cannot write '\(path)': \(reason)"
        }
    }
}

/// Joins a generator's relative path onto the output directory, refusing
/// anything that would land outside it.
enum OutputPath {
    static func join(directory: String, relative path: String) throws(OutputError) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !components.isEmpty,
              !components.contains(where: { $0 == ".." || $0 == "." }) else {
            throw .invalidPath(path)
        }
        let relative = components.joined(separator: "/")
        if directory.isEmpty { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// The directory part of a path ("" for a bare name).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
