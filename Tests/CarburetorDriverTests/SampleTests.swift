import Foundation
import Testing
@testable import CarburetorDriver
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Every config in `samples/` is clean (no errors, no warnings) and already
/// in the canonical `fmt` layout; together they use the whole language.
@Suite struct SampleTests {
    static let directory = packageRoot + "/samples"

    static var samples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".carb") }.sorted()
    }

    @Test func theRequiredSamplesExist() {
        #expect(Set(Self.samples).isSuperset(of: ["phone_book.carb", "game_platform.carb", "notes.carb"]))
    }

    @Test(arguments: samples)
    func samplePassesCheckWithoutWarnings(_ name: String) {
        let output = CheckCommand(paths: [Self.directory + "/" + name], policy: DiagnosticPolicy(warningsAsErrors: true))
            .run(in: environment())
        #expect(output.exitCode == ExitStatus.success, "\(output.standardError)")
        #expect(output.standardError.isEmpty)
    }

    @Test(arguments: samples)
    func sampleIsFormatted(_ name: String) {
        let output = FormatCommand(paths: [Self.directory + "/" + name], checkOnly: true).run(in: environment())
        #expect(output.exitCode == ExitStatus.success, "\(output.standardError)")
    }

    @Test func samplesUseEveryColumnTypeAndFeature() throws {
        var types: Set<ScalarType> = []
        var roles: Set<ColumnRole> = []
        var defaults: Set<String> = []
        var restricted = false
        var wrapped = false
        for name in Self.samples {
            let file = SourceFile(name: name, text: try readFile(Self.directory + "/" + name))
            let result = Frontend.compile(file)
            let schema = try #require(result.schema)
            var parseDiagnostics = DiagnosticCollector()
            wrapped = wrapped || Parser.parse(file, diagnostics: &parseDiagnostics).macroWrapper != nil
            for column in schema.tables.flatMap(\.columns) {
                types.insert(column.type.scalar)
                roles.insert(column.role)
                if column.swiftDefault != nil { defaults.insert("swift") }
                switch column.sqlDefault {
                case .now: defaults.insert("Now")
                case .null: defaults.insert("Null")
                case .emptyJSON: defaults.insert("EmptyJson")
                case .text: defaults.insert("Text")
                case .number: defaults.insert("Number")
                case .databaseSupplied: defaults.insert("sql")
                case nil: break
                }
            }
            restricted = restricted || schema.groups.contains { $0.contextVariables.count >= 2 }
        }
        #expect(types == Set(ScalarType.allCases))
        #expect(roles == [.regular, .id, .syncStamp, .softDelete, .dirtyFlag, .clientSyncMetadata])
        #expect(defaults == ["swift", "Now", "Null", "EmptyJson", "Text", "Number", "sql"])
        #expect(restricted, "a sample has a group with two $variables")
        #expect(wrapped, "a sample uses the carburetor_sync_config! wrapper")
    }
}
