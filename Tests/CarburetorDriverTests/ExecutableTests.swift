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

    @Test func defaultSubcommandEmitsSQL() throws {
        let result = try Executable.run(["-", "--emit", "sql", "--schema", "sync"],
                                        stdin: "tables { a { x -> Text } }\n")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("CREATE TABLE \"sync\".\"as\""))
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

#if os(Linux)
/// Colour needs a terminal: util-linux `script` runs the binary on a pseudo-terminal.
@Suite struct TerminalColourTests {
    func runOnTerminal(environment: [String: String]) throws -> String {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeFile(directory + "/c.carb", "tables { a { x -> Txt } }\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(Executable.url.path)' check '\(directory)/c.carb'", "/dev/null"]
        var variables = ProcessInfo.processInfo.environment
        variables["NO_COLOR"] = nil
        process.environment = variables.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func colourOnATerminal() throws {
        let text = try runOnTerminal(environment: [:])
        #expect(text.contains("\u{1B}[1;31merror[E0210]:\u{1B}[0m"))
    }

    @Test func noColourWithNoColorSet() throws {
        let text = try runOnTerminal(environment: ["NO_COLOR": "1"])
        #expect(text.contains("error[E0210]: unknown type 'Txt'"))
        #expect(!text.contains("\u{1B}["))
    }
}
#endif

/// `Documentation/CLI.md` documents every subcommand and flag the binary has.
@Suite struct CLIDocumentationTests {
    @Test func everyFlagInTheHelpIsDocumented() throws {
        let documentation = try readFile(packageRoot + "/Documentation/CLI.md")
        var flags: Set<String> = []
        let subcommands = ["generate", "check", "fmt"] + ["new", "check", "hash", "apply", "status", "diff"].map { "migrate \($0)" }
        for subcommand in subcommands {
            let help = try Executable.run(subcommand.split(separator: " ").map(String.init) + ["--help"]).standardOutput
            #expect(help.contains("USAGE:"), "\(subcommand) --help")
            #expect(documentation.contains("`\(subcommand)`") || subcommand == "generate", "\(subcommand)")
            for word in help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "[" || $0 == "]" })
            where word.hasPrefix("--") && word.count > 2 {
                flags.insert(String(word.prefix { $0.isLetter || $0.isNumber || $0 == "-" }))
            }
        }
        flags.remove("--help")
        #expect(flags.count >= 6)
        for flag in flags {
            #expect(documentation.contains(flag), "Documentation/CLI.md does not mention \(flag)")
        }
        for format in ["text", "json", "github", "sarif"] {
            #expect(documentation.contains("--format \(format)"))
        }
    }
}

/// No fragment of a password reaches the output of any command that takes
/// `--database-url` (or `DATABASE_URL`), whatever characters it holds.
@Suite struct DatabaseURLSecrecyTests {
    /// Each password's fragments ("Zq7", "Xw9") are distinctive, so any
    /// piece of it that leaks is found.
    static let passwords = [
        "Zq7@Xw9", "Zq7@@Xw9", "Zq7/Xw9", "Zq7:Xw9", "Zq7?Xw9", "Zq7#Xw9", "Zq7&Xw9", "Zq7%Xw9",
        "Zq7%zzXw9", "Zq7%41Xw9", "Zq7 Xw9", "Zq7'Xw9", "Zq7\\Xw9", "Zq7ü€Xw9", "Zq7@db.invalid/Xw9?host=Xw9",
    ]

    @Test func hostilePasswordsNeverReachTheOutputOfAnyDatabaseCommand() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeFile(directory + "/config.carb", "tables { a { x -> Text } }\n")
        let commands: [[String]] = [
            ["migrate", "apply", "--dir", directory + "/migrations"],
            ["migrate", "apply", "--dir", directory + "/migrations", "--dry-run"],
            ["migrate", "status", "--dir", directory + "/migrations"],
            ["migrate", "diff", directory + "/config.carb"],
        ]
        for password in Self.passwords {
            let urls = [
                "postgres://app:\(password)@127.0.0.1:1/x",
                "postgresql://app:\(password)@localhost:1/x",
                "host=127.0.0.1 port=1 user=app password=\(password)",
                "host=127.0.0.1 port=1 user=app password='\(password.replacing("\\", with: "\\\\").replacing("'", with: "\\'"))'",
            ]
            for url in urls {
                for command in commands {
                    for viaEnvironment in url == urls[0] ? [false, true] : [false] {
                        let result = try Executable.run(
                            viaEnvironment ? command : command + ["--database-url", url],
                            environment: viaEnvironment ? ["DATABASE_URL": url] : ["DATABASE_URL": ""])
                        let printed = result.standardOutput + result.standardError
                        #expect(result.status == 1, "\(command) \(url): \(printed)")
                        #expect(!printed.contains("Zq7") && !printed.contains("Xw9"), "\(command) \(url): \(printed)")
                    }
                }
            }
        }
    }
}
