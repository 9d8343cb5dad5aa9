import Foundation
import Testing
@testable import CarburetorDriver
import CarburetorChecker
import CarburetorSchema

@Suite struct CheckCommandTests {
    @Test func cleanInputFromStandardInputExitsZero() {
        let output = CheckCommand(paths: ["-"]).run(in: environment(stdin: "tables { user { name -> Text } }\n"))
        #expect(output.exitCode == ExitStatus.success)
        #expect(output.standardOutput.isEmpty)
    }

    @Test func unreadableFileIsAClearErrorAndTheRestIsStillChecked() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try writeFile(directory + "/good.carb", "tables { user { name -> Text } }\n")
        let output = CheckCommand(paths: [directory + "/missing.carb", directory + "/good.carb", directory],
                                  format: .json).run(in: environment())
        #expect(output.exitCode == ExitStatus.failure)
        #expect(output.standardError.contains("error: cannot read '\(directory)/missing.carb': no such file"))
        #expect(output.standardError.contains("it is a directory"))
        #expect(output.standardOutput == "[]\n")
    }

    @Test func lexicalErrorsFailTheCheckInEveryFormat() throws {
        for format in DiagnosticFormat.allCases {
            let output = CheckCommand(paths: ["-"], format: format).run(in: environment(stdin: "tables { a { x -> \"Text } }"))
            #expect(output.exitCode == ExitStatus.failure, "format \(format)")
            let rendered = format == .text ? output.standardError : output.standardOutput
            #expect(rendered.contains("<stdin>") || rendered.contains("%3Cstdin%3E"), "format \(format)")
        }
    }

    @Test func policyPromotesWarningsAndHidesNotes() {
        let warning = Diagnostic(severity: .warning, code: DiagnosticCode("W0001"), message: "w", range: .empty(at: 0))
        let note = Diagnostic(severity: .note, code: DiagnosticCode("N0001"), message: "n", range: .empty(at: 0))
        #expect(DiagnosticPolicy().apply(to: [warning, note]) == [warning])
        #expect(DiagnosticPolicy(verbose: true).apply(to: [warning, note]) == [warning, note])
        let promoted = DiagnosticPolicy(warningsAsErrors: true).apply(to: [warning])
        #expect(promoted.map(\.severity) == [.error])
    }
}
