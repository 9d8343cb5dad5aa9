/// Writes a generator's files under an output directory so that no file is
/// ever seen half-written: each new version goes to a temporary file in the
/// same directory, is flushed to disk, and then renamed over the old one.
///
/// All temporary files are written before the first rename, so a failure
/// while writing (disk full, permission denied) leaves every existing file as
/// it was and removes the temporaries. Files whose bytes are already right
/// are not touched, which keeps their modification times for build tools; a
/// replaced file keeps its permission bits.
public enum GeneratedFileWriter {
    /// Writes `files` under `directory` (created if needed) and returns the
    /// relative paths that were created or replaced, in the generator's order.
    @discardableResult
    public static func write(_ files: [GeneratedFile], to directory: String) throws(OutputError) -> [String] {
        // Validate every path before touching the disk.
        let targets = try files.map { file throws(OutputError) in
            (file, try OutputPath.join(directory: directory, relative: file.path))
        }
        var changed: [(GeneratedFile, String)] = []
        for (file, path) in targets where try FileSystem.readIfExists(path) != Array(file.contents.utf8) {
            changed.append((file, path))
        }
        guard !changed.isEmpty else { return [] }

        var temporaries: [(temporary: String, destination: String)] = []
        func discardTemporaries() {
            for entry in temporaries { FileSystem.remove(entry.temporary) }
        }
        do {
            for (index, (file, path)) in changed.enumerated() {
                let parent = OutputPath.parent(of: path)
                try FileSystem.createDirectories(parent)
                let name = OutputPath.lastComponent(of: path)
                let temporary = (parent.isEmpty ? "" : parent + "/")
                    + ".\(name).tmp-\(FileSystem.processID)-\(index)"
                FileSystem.remove(temporary) // a leftover from a crashed run with the same pid
                try FileSystem.writeNewFileDurably(temporary, bytes: Array(file.contents.utf8),
                                                   permissions: FileSystem.permissions(of: path))
                temporaries.append((temporary, path))
            }
            for entry in temporaries {
                try FileSystem.rename(entry.temporary, to: entry.destination)
            }
        } catch {
            // Renamed temporaries no longer exist under their old name, so
            // this removes exactly the ones still waiting.
            discardTemporaries()
            throw error
        }
        for parent in Set(temporaries.map { OutputPath.parent(of: $0.destination) }) {
            FileSystem.syncDirectory(parent)
        }
        return changed.map(\.0.path)
    }
}
