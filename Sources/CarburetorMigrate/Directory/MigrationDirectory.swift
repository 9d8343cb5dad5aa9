import Foundation

/// One migration found on disk.
public struct Migration: Hashable, Sendable {
    /// The sortable prefix: `20261125084700` or `000001`.
    public var version: String
    public var name: String
    public var upPath: String
    public var downPath: String
    public var upSQL: String
    public var downSQL: String?

    /// `VERSION_NAME`, how the history table and progress output name it.
    public var identifier: String { "\(version)_\(name)" }
    /// Hex SHA-256 of up.sql, recorded when applied and checked ever after.
    public var checksum: String { Hashing.checksum(of: upSQL) }
}

/// A migration directory's contents: migrations in version order, the
/// snapshot and the sum file. Reading never changes anything.
public struct MigrationDirectory: Sendable {
    public var path: String
    public var layout: MigrationLayout?
    public var migrations: [Migration]
    /// Text of `carburetor.snapshot.json`, when present.
    public var snapshotText: String?
    /// Text of `carburetor.sum`, when present.
    public var sumText: String?
    /// Files that look like migrations but are incomplete (an up without a
    /// down), reported by the integrity check.
    public var problems: [String]

    public enum ReadError: Error, CustomStringConvertible {
        case mixedLayouts(String)
        case unreadable(String, String)
        public var description: String {
            switch self {
            case .mixedLayouts(let path):
                "\(path) mixes the Diesel and golang-migrate layouts; keep one layout per directory"
            case .unreadable(let path, let reason):
                "cannot read \(path): \(reason)"
            }
        }
    }

    /// Reads `path`; a directory that does not exist reads as empty.
    public static func read(_ path: String) throws -> MigrationDirectory {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return MigrationDirectory(path: path, layout: nil, migrations: [], snapshotText: nil,
                                      sumText: nil, problems: [])
        }
        let entries: [String]
        do {
            entries = try fileManager.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw ReadError.unreadable(path, "\(error.localizedDescription)")
        }
        var diesel: [Migration] = []
        var golang: [String: (up: String?, down: String?)] = [:]
        var problems: [String] = []
        for entry in entries {
            let full = path + "/" + entry
            var entryIsDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: full, isDirectory: &entryIsDirectory)
            if entryIsDirectory.boolValue {
                guard let (version, name) = splitVersion(entry) else { continue }
                guard let up = try? String(contentsOfFile: full + "/up.sql", encoding: .utf8) else {
                    problems.append("\(entry)/ has no up.sql")
                    continue
                }
                let down = try? String(contentsOfFile: full + "/down.sql", encoding: .utf8)
                if down == nil { problems.append("\(entry)/ has no down.sql") }
                diesel.append(Migration(version: version, name: name, upPath: "\(entry)/up.sql",
                                        downPath: "\(entry)/down.sql", upSQL: up, downSQL: down))
            } else if let (stem, direction) = golangFile(entry) {
                var pair = golang[stem] ?? (nil, nil)
                if direction == "up" { pair.up = entry } else { pair.down = entry }
                golang[stem] = pair
            }
        }
        var golangMigrations: [Migration] = []
        for stem in golang.keys.sorted() {
            let pair = golang[stem]!
            guard let (version, name) = splitVersion(stem) else { continue }
            guard let upFile = pair.up,
                  let up = try? String(contentsOfFile: path + "/" + upFile, encoding: .utf8) else {
                problems.append("\(stem) has no readable .up.sql")
                continue
            }
            let down = pair.down.flatMap { try? String(contentsOfFile: path + "/" + $0, encoding: .utf8) }
            if down == nil { problems.append("\(stem) has no .down.sql") }
            golangMigrations.append(Migration(version: version, name: name, upPath: upFile,
                                              downPath: "\(stem).down.sql", upSQL: up, downSQL: down))
        }
        if !diesel.isEmpty, !golangMigrations.isEmpty { throw ReadError.mixedLayouts(path) }
        let layout: MigrationLayout? = !diesel.isEmpty ? .diesel : (!golangMigrations.isEmpty ? .golangMigrate : nil)
        let migrations = (diesel + golangMigrations).sorted { ($0.version, $0.name) < ($1.version, $1.name) }
        return MigrationDirectory(
            path: path, layout: layout, migrations: migrations,
            snapshotText: try? String(contentsOfFile: path + "/" + SchemaSnapshot.fileName, encoding: .utf8),
            sumText: try? String(contentsOfFile: path + "/" + SumFile.fileName, encoding: .utf8),
            problems: problems)
    }

    /// Every file the sum covers, in chain order: each migration's up then
    /// down, then the snapshot.
    public var hashedFiles: [(path: String, contents: String)] {
        var files: [(String, String)] = []
        for migration in migrations {
            files.append((migration.upPath, migration.upSQL))
            if let down = migration.downSQL { files.append((migration.downPath, down)) }
        }
        if let snapshotText { files.append((SchemaSnapshot.fileName, snapshotText)) }
        return files
    }

    /// `20261125084700_add_notes` → ("20261125084700", "add_notes").
    static func splitVersion(_ stem: String) -> (String, String)? {
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let version = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard !version.isEmpty, !name.isEmpty, version.allSatisfy(\.isASCIIDigit) else { return nil }
        return (String(version), String(name))
    }

    /// `000001_init.up.sql` → ("000001_init", "up").
    static func golangFile(_ file: String) -> (String, String)? {
        for direction in ["up", "down"] where file.hasSuffix(".\(direction).sql") {
            return (String(file.dropLast(direction.count + 5)), direction)
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Writes files so that a failed run leaves nothing half-written: each file
/// goes to a temporary name first and is renamed into place.
enum AtomicWriter {
    static func write(_ contents: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url, options: .atomic)
    }
}

extension MigrationClock {
    /// The system clock in UTC.
    public static let system = MigrationClock {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter.string(from: Date())
    }
}
