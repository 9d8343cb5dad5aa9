/// Re-records `carburetor.sum` after a reviewer deliberately edited a
/// migration that is not applied anywhere yet (a data backfill, a
/// `CREATE INDEX CONCURRENTLY`). Like `atlas migrate hash`: the edit becomes
/// part of the history, and later tampering is caught again.
public struct MigrateHash: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func run() -> MigrateCommandResult {
        do {
            let current = try MigrationDirectory.read(directory)
            guard current.problems.isEmpty else { return .failure(current.problems) }
            try AtomicWriter.write(SumFile.render(current.hashedFiles), to: directory + "/" + SumFile.fileName)
            return MigrateCommandResult(exitStatus: .success,
                                        output: "Recorded \(current.hashedFiles.count) files in \(SumFile.fileName).\n",
                                        writtenFiles: [SumFile.fileName])
        } catch {
            return .failure(["\(error)"])
        }
    }
}
