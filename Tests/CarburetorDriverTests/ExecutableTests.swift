import Foundation
import Testing

/// Runs the built `carburetor-compile` binary, found next to the test bundle.
struct Executable {
    static var url: URL {
        var directory = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directory = bundle.bundleURL.deletingLastPathComponent()
        }
        let candidate = directory.appendingPathComponent("carburetor-compile")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        // swift-testing's runner may be the main bundle itself.
        return Bundle.main.bundleURL.appendingPathComponent("carburetor-compile")
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: out, as: UTF8.self),
                      standardError: String(decoding: err, as: UTF8.self))
    }
}

@Suite struct ExecutableTests {
    @Test func theBinaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Executable.url.path), "\(Executable.url.path)")
    }

    @Test func checkReadsStandardInputAndSeveralFiles() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeFile(directory + "/a.carb", "tables { a { x -> Text } }\n")
        try writeFile(directory + "/b.carb", "tables { b { y -> \"Text } }\n")
        let clean = try Executable.run(["check", "-", directory + "/a.carb"], stdin: "tables { c { z -> Text } }\n")
        #expect(clean.status == 0)
        #expect(clean.standardError.isEmpty)

        let broken = try Executable.run(["check", directory + "/a.carb", directory + "/b.carb", "--format", "json"])
        #expect(broken.status == 1)
        #expect(broken.standardOutput.contains("\"file\": \"\(directory)/b.carb\""))
        #expect(!broken.standardOutput.contains("a.carb"))
    }

    @Test func unreadableFileExitsOneWithoutAStackTrace() throws {
        let result = try Executable.run(["check", "/nonexistent/config.carb"])
        #expect(result.status == 1)
        #expect(result.standardError == "error: cannot read '/nonexistent/config.carb': no such file\n")
    }

    @Test func defaultSubcommandEmitsAndReportsTheMissingBackend() throws {
        let result = try Executable.run(["-", "--emit", "sql"], stdin: "tables { a { x -> Text } }\n")
        #expect(result.status == 1)
        #expect(result.standardError.contains("the sql backend is not available in this build yet"))
        let usage = try Executable.run(["-", "--emit", "sql", "--check"])
        #expect(usage.status == 64)
        #expect(usage.standardError.contains("--out"))
    }

    @Test func textDiagnosticsHaveNoColourWhenNotOnATerminal() throws {
        let result = try Executable.run(["check", "-"], stdin: "tables { a { x -> \"Text } }")
        #expect(result.status == 1)
        #expect(result.standardError.contains("<stdin>:1:"))
        #expect(!result.standardError.contains("\u{1B}["))
        #expect(result.standardError.hasSuffix("generated.\n"))
    }

    @Test func fmtFromStandardInput() throws {
        let result = try Executable.run(["fmt", "-"], stdin: "tables{a{x->Text}}")
        #expect(result.status == 0)
        #expect(result.standardOutput == "tables {\n    a {\n        x -> Text,\n    }\n}\n")
        let check = try Executable.run(["fmt", "--check", "-"], stdin: "tables{a{x->Text}}")
        #expect(check.status == 1)
        #expect(check.standardError == "would reformat <stdin>\n")
    }
}
