import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

@Suite struct GeneratedFileWriterTests {
    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("carburetor-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesFilesAndCreatesDirectories() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out/nested"
        let files = [GeneratedFile(path: "schema.sql", contents: "create table t ();\n"),
                     GeneratedFile(path: "Sources/Models.swift", contents: "struct M {}\n")]
        let written = try GeneratedFileWriter.write(files, to: out)
        #expect(written == ["schema.sql", "Sources/Models.swift"])
        #expect(contents(out + "/schema.sql") == "create table t ();\n")
        #expect(contents(out + "/Sources/Models.swift") == "struct M {}\n")
        // No temporaries left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(names.sorted() == ["Sources", "schema.sql"])
        // Writing the same files again touches nothing.
        #expect(try GeneratedFileWriter.write(files, to: out).isEmpty)
    }

    @Test func checkerReportsMissingAndDifferentFiles() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [GeneratedFile(path: "a.sql", contents: "a\n"), GeneratedFile(path: "b.sql", contents: "b\n"),
                     GeneratedFile(path: "c.sql", contents: "c\n")]
        try GeneratedFileWriter.write(Array(files.prefix(2)), to: root)
        try Data("changed\n".utf8).write(to: URL(fileURLWithPath: root + "/b.sql"))
        let outdated = try GeneratedFileChecker.outdated(files, in: root)
        #expect(outdated.map(\.path) == ["b.sql", "c.sql"])
        #expect(outdated.map(\.status) == [.differs, .missing])
        try GeneratedFileWriter.write(files, to: root)
        #expect(try GeneratedFileChecker.outdated(files, in: root).isEmpty)
    }

    @Test func refusesPathsOutsideTheDirectoryBeforeWritingAnything() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for bad in ["../escape.sql", "/etc/x", "", "a/./b"] {
            let files = [GeneratedFile(path: "good.sql", contents: "x"), GeneratedFile(path: bad, contents: "y")]
            #expect(throws: OutputError.invalidPath(bad)) { try GeneratedFileWriter.write(files, to: root) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }

    @Test func aFailedWriteLeavesExistingFilesAndNoTemporaries() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GeneratedFileWriter.write([GeneratedFile(path: "a.sql", contents: "old\n"),
                                       GeneratedFile(path: "blocker", contents: "a file\n")], to: root)
        // The second file needs `blocker` to be a directory: its write fails
        // after the first file's temporary was already written.
        #expect(throws: OutputError.self) {
            try GeneratedFileWriter.write([GeneratedFile(path: "a.sql", contents: "new\n"),
                                           GeneratedFile(path: "blocker/b.sql", contents: "new\n")], to: root)
        }
        #expect(contents(root + "/a.sql") == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["a.sql", "blocker"])
    }

    @Test func aFailedRenameLeavesNoTemporaries() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A directory where a file should go: the rename over it fails.
        try FileManager.default.createDirectory(atPath: root + "/taken/inner", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try GeneratedFileWriter.write([GeneratedFile(path: "taken", contents: "x\n"),
                                           GeneratedFile(path: "b.sql", contents: "b\n")], to: root)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["taken"])
    }
}

@Suite struct GeneratedFilePermissionTests {
    @Test func aReplacedFileKeepsItsPermissions() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("carburetor-mode-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try GeneratedFileWriter.write([GeneratedFile(path: "run.sh", contents: "old\n")], to: root)
        chmod(root + "/run.sh", 0o750)
        try GeneratedFileWriter.write([GeneratedFile(path: "run.sh", contents: "new\n")], to: root)
        var info = stat()
        #expect(stat(root + "/run.sh", &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o750)
        #expect(FileManager.default.contents(atPath: root + "/run.sh") == Data("new\n".utf8))
    }
}
