import Foundation
import Testing
@testable import CarburetorDriver
import CarburetorChecker
import CarburetorSchema

/// A backend for tests: one file per table plus an index.
struct FakeGenerator: CodeGenerator {
    func files(for schema: Schema) -> [GeneratedFile] {
        [GeneratedFile(path: "index.txt", contents: "tables: \(schema.tables.count)\n"),
         GeneratedFile(path: "nested/source.txt", contents: "from \(schema.sourceName)\n")]
    }

    func standardOutput(for schema: Schema) -> String {
        "fake output for \(schema.sourceName)\n"
    }
}

@Suite struct EmitCommandTests {
    let config = "tables { user { name -> Text } }\n"

    @Test func everyTargetGenerates() {
        for target in EmitTarget.allCases {
            let output = EmitCommand(path: "-", target: target).run(in: environment(stdin: config))
            #expect(output.exitCode == ExitStatus.success, "\(target)")
            #expect(output.standardOutput.contains("user"), "\(target)")
        }
    }

    @Test func withoutOutPrintsStandardOutput() {
        let output = EmitCommand(path: "-", target: .sql, generatorOverride: FakeGenerator())
            .run(in: environment(stdin: config))
        #expect(output.exitCode == ExitStatus.success)
        #expect(output.standardOutput == "fake output for <stdin>\n")
    }

    @Test func writesThenChecksTheOutputDirectory() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/generated"
        func emit(check: Bool) -> CommandOutput {
            EmitCommand(path: "-", target: .docs, outputDirectory: out, checkOnly: check,
                        generatorOverride: FakeGenerator()).run(in: environment(stdin: config))
        }

        let missing = emit(check: true)
        #expect(missing.exitCode == ExitStatus.outOfDate)
        #expect(missing.standardError.contains("missing: \(out)/index.txt"))
        #expect(missing.standardError.contains("missing: \(out)/nested/source.txt"))
        #expect(!FileManager.default.fileExists(atPath: out))

        let written = emit(check: false)
        #expect(written.exitCode == ExitStatus.success)
        #expect(try readFile(out + "/nested/source.txt") == "from <stdin>\n")
        #expect(emit(check: true).exitCode == ExitStatus.success)

        try writeFile(out + "/index.txt", "edited by hand\n")
        let stale = emit(check: true)
        #expect(stale.exitCode == ExitStatus.outOfDate)
        #expect(stale.standardError.contains("differs: \(out)/index.txt"))
        #expect(!stale.standardError.contains("source.txt"))
        #expect(try readFile(out + "/index.txt") == "edited by hand\n")
    }

    @Test func configWithErrorsWritesNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = EmitCommand(path: "-", target: .sql, outputDirectory: directory + "/out",
                                 generatorOverride: FakeGenerator())
            .run(in: environment(stdin: "tables { user { name -> \"Text } }"))
        #expect(output.exitCode == ExitStatus.failure)
        #expect(output.standardError.contains("error["))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
    }
}
