import Foundation

/// Finds `initdb` and `pg_ctl`: Debian's versioned directories first
/// (preferring 15, the version the project targets), then `pg_config
/// --bindir`, then `PATH`.
enum PostgresBinaries {
    static let installHint = """
        PostgreSQL server binaries (initdb, pg_ctl) were not found. \
        Install them with `apt-get install postgresql` (Debian/Ubuntu) or `brew install postgresql@15` (macOS), \
        or set CARBURETOR_TEST_DATABASE_URL to a server the tests may create databases on.
        """

    static func locate() throws -> URL {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let versions = try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            let sorted = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
            let preferred = sorted.filter { $0 == "15" } + sorted.filter { $0 != "15" }
            candidates += preferred.map { URL(fileURLWithPath: "/usr/lib/postgresql/\($0)/bin") }
        }
        if let bindir = pgConfigBindir() { candidates.append(URL(fileURLWithPath: bindir)) }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(directory)))
        }
        candidates += ["/opt/homebrew/opt/postgresql@15/bin", "/usr/local/opt/postgresql@15/bin"]
            .map { URL(fileURLWithPath: $0) }
        for directory in candidates
        where fileManager.isExecutableFile(atPath: directory.appendingPathComponent("initdb").path)
            && fileManager.isExecutableFile(atPath: directory.appendingPathComponent("pg_ctl").path) {
            return directory
        }
        throw TestSupportError(installHint)
    }

    private static func pgConfigBindir() -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let pgConfig = "\(directory)/pg_config"
            guard FileManager.default.isExecutableFile(atPath: pgConfig) else { continue }
            let output = FileManager.default.temporaryDirectory
                .appendingPathComponent("carburetor-pg_config-\(getpid()).txt")
            defer { try? FileManager.default.removeItem(at: output) }
            guard let outcome = try? ProcessRunner.run(pgConfig, ["--bindir"], outputFile: output),
                  outcome.status == 0 else { return nil }
            return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }
}
