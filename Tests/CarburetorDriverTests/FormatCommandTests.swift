import Foundation
import Testing
@testable import CarburetorDriver
import CarburetorChecker
import CarburetorSchema

@Suite struct FormatCommandTests {
    let messy = "tables { user { name -> Text } }\n"
    let canonical = "tables {\n    user {\n        name -> Text,\n    }\n}\n"

    @Test func standardInputGoesToStandardOutput() {
        let output = FormatCommand(paths: ["-"]).run(in: environment(stdin: messy))
        #expect(output.exitCode == ExitStatus.success)
        #expect(output.standardOutput == canonical)
    }

    @Test func checkNamesFilesThatWouldChangeAndWritesNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeFile(directory + "/messy.carb", messy)
        try writeFile(directory + "/tidy.carb", canonical)
        let output = FormatCommand(paths: [directory + "/messy.carb", directory + "/tidy.carb"], checkOnly: true)
            .run(in: environment())
        #expect(output.exitCode == ExitStatus.failure)
        #expect(output.standardError == "would reformat \(directory)/messy.carb\n")
        #expect(try readFile(directory + "/messy.carb") == messy)
    }

    @Test func rewritesFilesInPlace() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeFile(directory + "/messy.carb", messy)
        let output = FormatCommand(paths: [directory + "/messy.carb"]).run(in: environment())
        #expect(output.exitCode == ExitStatus.success)
        #expect(try readFile(directory + "/messy.carb") == canonical)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["messy.carb"])
        #expect(FormatCommand(paths: [directory + "/messy.carb"], checkOnly: true).run(in: environment()).exitCode == 0)
    }

    @Test func leavesFilesWithSyntaxErrorsAlone() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let broken = "tables { user { name -> \"Text } }\n"
        try writeFile(directory + "/broken.carb", broken)
        let output = FormatCommand(paths: [directory + "/broken.carb"]).run(in: environment())
        #expect(output.exitCode == ExitStatus.failure)
        #expect(output.standardError.contains("has syntax errors; it was not formatted"))
        #expect(try readFile(directory + "/broken.carb") == broken)
    }
}
