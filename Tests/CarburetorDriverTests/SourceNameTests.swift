import Foundation
import Testing
@testable import CarburetorDriver
import CarburetorChecker
import CarburetorSchema

/// Generated files name their config the same way on every machine: as
/// given, relative when under the current directory, never an absolute path.
@Suite struct SourceNameTests {
    @Test func pathsUnderTheCurrentDirectoryBecomeRelative() {
        #expect(InputReader.displayName(of: "/work/app/config/app.carb", currentDirectory: "/work/app") == "config/app.carb")
        #expect(InputReader.displayName(of: "/work/app/./config/../app.carb", currentDirectory: "/work/app/") == "app.carb")
        #expect(InputReader.displayName(of: "/work/application.carb", currentDirectory: "/work/app") == "/work/application.carb")
        #expect(InputReader.displayName(of: "/elsewhere/app.carb", currentDirectory: "/work/app") == "/elsewhere/app.carb")
        #expect(InputReader.displayName(of: "config/app.carb", currentDirectory: "/work/app") == "config/app.carb")
        #expect(InputReader.displayName(of: "/work/app", currentDirectory: "/work/app") == "/work/app")
    }

    /// An absolute path outside the current directory (a temporary folder
    /// here) is named by its file name alone in every generated header.
    @Test func headersNeverNameAnAbsolutePath() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/app.carb"
        try writeFile(path, "tables { user { name -> Text } }\nsync_groups { mobile { user } }\n")
        for target in EmitTarget.allCases {
            let output = EmitCommand(path: path, target: target).run(in: environment())
            #expect(output.exitCode == ExitStatus.success, "\(target): \(output.standardError)")
            #expect(!output.standardOutput.contains(directory), "\(target) names \(directory)")
            #expect(output.standardOutput.contains("from app.carb") || output.standardOutput.contains("from `app.carb`"),
                    "\(target)")
        }
    }
}
