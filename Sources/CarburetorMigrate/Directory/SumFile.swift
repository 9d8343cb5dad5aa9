import Foundation

/// `carburetor.sum`: the integrity record of a migration directory, like
/// Atlas's `atlas.sum`. Each line holds one file and a hash *chained* over
/// every file before it, so editing, deleting, reordering or adding a file
/// (even two branches each adding one, merged together) breaks the chain.
///
/// ```
/// h1:<base64 of the last chain value>
/// 20261125084700_init/up.sql h1:<base64>
/// 20261125084700_init/down.sql h1:<base64>
/// carburetor.snapshot.json h1:<base64>
/// ```
///
/// chain₀ = SHA-256("carburetor.sum v1"); chainᵢ = SHA-256(chainᵢ₋₁ ‖ path ‖ "\n" ‖ SHA-256(contents)).
public enum SumFile {
    public static let fileName = "carburetor.sum"
    static let prefix = "h1:"

    public struct Entry: Hashable, Sendable {
        public var path: String
        public var hash: String
    }

    /// One thing wrong with a directory, in words a reviewer can act on.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case missingSumFile, malformed, edited, deleted, added, addedOutOfOrder, chainBroken, totalMismatch, incomplete
        }
        public var kind: Kind
        public var path: String?
        public var message: String
        public var description: String { message }
    }

    static func link(_ previous: [UInt8], path: String, contents: String) -> [UInt8] {
        Hashing.sha256(previous + Array(path.utf8) + [0x0A] + Hashing.sha256(contents))
    }

    static var seed: [UInt8] { Hashing.sha256("carburetor.sum v1") }

    static func encode(_ bytes: [UInt8]) -> String { prefix + Data(bytes).base64EncodedString() }

    /// The sum file for these files, in this order.
    public static func render(_ files: [(path: String, contents: String)]) -> String {
        var chain = seed
        var lines: [String] = []
        for file in files {
            chain = link(chain, path: file.path, contents: file.contents)
            lines.append("\(file.path) \(encode(chain))")
        }
        return ([encode(chain)] + lines).joined(separator: "\n") + "\n"
    }

    /// Parses the file; `nil` when it is not a sum file.
    static func parse(_ text: String) -> (total: String, entries: [Entry])? {
        // Any line ending: a sum file checked out on Windows has CRLF.
        let lines = SQLText.lines(text).filter { !$0.isEmpty }
        guard let total = lines.first, total.hasPrefix(prefix), !total.contains(" ") else { return nil }
        var entries: [Entry] = []
        for line in lines.dropFirst() {
            guard let space = line.lastIndex(of: " ") else { return nil }
            let hash = String(line[line.index(after: space)...])
            guard hash.hasPrefix(prefix) else { return nil }
            entries.append(Entry(path: String(line[..<space]), hash: hash))
        }
        return (total, entries)
    }

    /// Everything wrong with the directory; empty when it is intact.
    public static func verify(_ directory: MigrationDirectory) -> [Problem] {
        var problems = directory.problems.map {
            Problem(kind: .incomplete, path: nil, message: $0)
        }
        let files = directory.hashedFiles
        guard let sumText = directory.sumText else {
            if !files.isEmpty {
                problems.append(Problem(kind: .missingSumFile, path: nil, message:
                    "\(fileName) is missing; the directory's files cannot be verified (restore it from version control)"))
            }
            return problems
        }
        guard let (total, entries) = parse(sumText) else {
            problems.append(Problem(kind: .malformed, path: fileName, message: "\(fileName) is malformed"))
            return problems
        }
        let onDisk = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        let recorded = Set(entries.map(\.path))
        let lastRecordedVersion = entries.compactMap { migrationVersion(of: $0.path) }.max()

        // Each recorded line is checked against its own recorded predecessor,
        // so the first broken link names the file responsible.
        // chainValues: the seed and each recorded hash so far.
        var chainValues = [seed]
        var chainIntact = true
        for entry in entries {
            let previous = chainValues.last!
            defer { chainValues.append(decode(entry.hash) ?? previous) }
            guard let contents = onDisk[entry.path] else {
                problems.append(Problem(kind: .deleted, path: entry.path, message:
                    "\(entry.path) is recorded in \(fileName) but was deleted or renamed"))
                chainIntact = false
                continue
            }
            if encode(link(previous, path: entry.path, contents: contents)) != entry.hash {
                // A line that links onto an older line than the one above it
                // was recorded on another branch that started from there.
                let linksOntoOlderLine = chainValues.dropLast().contains {
                    encode(link($0, path: entry.path, contents: contents)) == entry.hash
                }
                let predecessorOK = chainIntact && !linksOntoOlderLine
                problems.append(Problem(kind: predecessorOK ? .edited : .chainBroken, path: entry.path, message:
                    predecessorOK
                        ? "\(entry.path) was edited after it was recorded in \(fileName)"
                        : "\(entry.path) does not follow the file before it in \(fileName): migrations were added concurrently on two branches; rebase onto the main branch, delete your new migration and run `migrate new` again"))
                chainIntact = false
            }
        }
        if problems.isEmpty, let last = entries.last?.hash, last != total {
            problems.append(Problem(kind: .totalMismatch, path: fileName, message:
                "the first line of \(fileName) does not match its entries; the file was edited by hand"))
        }
        for file in files where !recorded.contains(file.path) {
            if let version = migrationVersion(of: file.path), let lastRecordedVersion, version < lastRecordedVersion {
                problems.append(Problem(kind: .addedOutOfOrder, path: file.path, message:
                    "\(file.path) is older than the newest recorded migration but not in \(fileName): it was added concurrently on another branch or reordered; rebase onto the main branch, delete your new migration and run `migrate new` again"))
            } else {
                problems.append(Problem(kind: .added, path: file.path, message:
                    "\(file.path) is not recorded in \(fileName): it was added by hand or by another branch; rebase onto the main branch, delete your new migration and run `migrate new` again"))
            }
        }
        // Recorded order must be the directory's order.
        if problems.isEmpty {
            let recordedOrder = entries.map(\.path)
            if recordedOrder != files.map(\.path) {
                problems.append(Problem(kind: .chainBroken, path: nil, message:
                    "migrations are in a different order than recorded in \(fileName) (a version was renamed)"))
            }
        }
        return problems
    }

    static func decode(_ hash: String) -> [UInt8]? {
        guard hash.hasPrefix(prefix), let data = Data(base64Encoded: String(hash.dropFirst(prefix.count))) else {
            return nil
        }
        return Array(data)
    }

    /// The version part of a migration file path, `nil` for the snapshot.
    static func migrationVersion(of path: String) -> String? {
        let stem = path.split(separator: "/").first.map(String.init) ?? path
        return MigrationDirectory.splitVersion(stem)?.0
    }
}
