/// How a file under the output directory compares with what a generator produces.
public enum GeneratedFileStatus: String, Sendable, Hashable {
    case upToDate = "up to date"
    case missing
    case differs
}

/// Compares generated files with what is on disk, for `--out DIR --check`.
public enum GeneratedFileChecker {
    /// The status of every file, in the generator's order.
    public static func statuses(of files: [GeneratedFile], in directory: String)
        throws(OutputError) -> [(path: String, status: GeneratedFileStatus)] {
        var result: [(path: String, status: GeneratedFileStatus)] = []
        for file in files {
            let path = try OutputPath.join(directory: directory, relative: file.path)
            let status: GeneratedFileStatus
            if let existing = try FileSystem.readIfExists(path) {
                status = existing == Array(file.contents.utf8) ? .upToDate : .differs
            } else {
                status = .missing
            }
            result.append((file.path, status))
        }
        return result
    }

    /// Only the files that are missing or differ.
    public static func outdated(_ files: [GeneratedFile], in directory: String)
        throws(OutputError) -> [(path: String, status: GeneratedFileStatus)] {
        try statuses(of: files, in: directory).filter { $0.status != .upToDate }
    }
}
