import Foundation
import Testing
@testable import CarburetorCore

/// The catalogue's examples and the real-world configs, run through the whole front end.
@Suite struct ResolverCatalogueTests {
    static let semanticCodes: [DiagnosticCode] = [
        .unknownTableArgument, .duplicateArgument, .pluralNotString, .pluralNotIdentifier, .duplicateTable,
        .duplicatePlural, .swiftNameClash, .nameTooLong, .duplicateColumn, .unknownType, .nestedNullable,
        .unexpectedTypeArgument, .nullableWithoutArgument, .unknownAttribute, .unexpectedAttributeArgument,
        .conflictingSpecialAttributes, .duplicateSpecialAttribute, .wrongSpecialColumnType,
        .immutableSpecialColumn, .duplicateDefault, .defaultOnSpecialColumn, .defaultTypeMismatch,
        .invalidAttributeArgument, .unknownSQLDefault, .duplicateGroup, .duplicateGroupEntry,
        .unknownGroupTable, .unknownEntryArgument, .unpairedRestriction, .restrictToNotVariable,
        .restrictColumnNotName, .unknownRestrictColumn, .mutableRestrictColumn, .clientOnlyRestrictColumn,
        .conflictingVariableTypes, .implausibleDefaultPlural, .emptyGroup, .serialType, .rustDefaultIgnored,
        .repeatedAttribute, .synthesizedColumn,
    ]

    @Test func everySemanticCodeHasOneDescriptor() {
        #expect(DiagnosticCatalogue.semanticDescriptors.map(\.code) == Self.semanticCodes)
        let all = DiagnosticCatalogue.all.map(\.code.rawValue)
        #expect(Set(all).count == all.count, "codes must be unique")
        for descriptor in DiagnosticCatalogue.semanticDescriptors {
            let prefix: String = switch descriptor.severity {
            case .error: "E02"
            case .warning: "W0"
            case .note: "N0"
            }
            #expect(descriptor.code.rawValue.hasPrefix(prefix) && descriptor.code.rawValue.count == 5)
            #expect(!descriptor.title.isEmpty)
        }
    }

    /// Every example in the catalogue (syntax and semantic) gives its own code,
    /// with the catalogue's severity, and no other error.
    @Test(arguments: DiagnosticCatalogue.all)
    func exampleTriggersItsOwnCodeOnly(descriptor: DiagnosticDescriptor) {
        let result = Frontend.compile(SourceFile(name: "example.carb", text: descriptor.example))
        let own = result.diagnostics.filter { $0.code == descriptor.code }
        #expect(!own.isEmpty, "\(descriptor.code) not produced: \(result.diagnostics.map(\.message))")
        #expect(own.allSatisfy { $0.severity == descriptor.severity })
        let otherErrors = result.diagnostics.filter { $0.severity == .error && $0.code != descriptor.code }
        #expect(otherErrors.isEmpty, "\(descriptor.code) example also gives \(otherErrors.map { "\($0.code): \($0.message)" })")
    }

    /// Applying the fix-its of an example's diagnostics repairs it: the code
    /// is gone and no error takes its place.
    @Test(arguments: DiagnosticCatalogue.semanticDescriptors)
    func fixItsRepairTheExample(descriptor: DiagnosticDescriptor) {
        let example = Resolved(descriptor.example)
        let fixIts = example.diagnostics.filter { $0.code == descriptor.code }.flatMap(\.fixIts)
        guard !fixIts.isEmpty else { return }
        let repaired = Resolved(example.applying(fixIts))
        let remaining = repaired.diagnostics.filter { $0.code == descriptor.code || $0.severity == .error }
        #expect(remaining.isEmpty, "after the fix-its of \(descriptor.code): \(remaining.map(\.message))")
    }

    @Test func mostSemanticExamplesOfferAFixIt() {
        let withFixIts = DiagnosticCatalogue.semanticDescriptors.filter { descriptor in
            Resolved(descriptor.example).diagnostics.contains { $0.code == descriptor.code && !$0.fixIts.isEmpty }
        }
        #expect(withFixIts.count >= 15, "\(withFixIts.map(\.code))")
    }

    @Test func realConfigsCompileWithoutErrors() throws {
        let directory = SyntaxTestPaths.realConfigs
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue,
                "the shared real-world configs must be at \(directory.path)")
        let files = SyntaxTestPaths.carbFiles(under: directory)
        #expect(files.count >= 2)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let result = Frontend.compile(SourceFile(name: url.lastPathComponent, text: text))
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.map { "\($0.code): \($0.message)" })")
            #expect(result.schema != nil)
        }
    }

    @Test func samplesCompileWithoutErrors() throws {
        let samples = SyntaxTestPaths.packageRoot.appendingPathComponent("samples")
        for url in SyntaxTestPaths.carbFiles(under: samples) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let result = Frontend.compile(SourceFile(name: url.lastPathComponent, text: text))
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.map { "\($0.code): \($0.message)" })")
        }
    }

    @Test func endToEndRealConfigResolvesAsTheFrameworkDoes() throws {
        let url = SyntaxTestPaths.realConfigs.appendingPathComponent("carburetor_rs_e2e.carb")
        let result = Frontend.compile(SourceFile(name: "e2e.carb", text: try String(contentsOf: url, encoding: .utf8)))
        let schema = try #require(result.schema)
        #expect(schema.tables.map(\.plural) == ["users", "messages"])
        let user = try #require(schema.table(named: "user"))
        #expect(user.columns.map(\.name) == [
            "id", "username", "first_name", "joined_on", "created_at", "nickname", "priority", "preferences",
            "is_deleted", "last_synced_at",
        ])
        #expect(user.column(named: "created_at")?.isImmutable == true)
        #expect(user.column(named: "created_at")?.sqlDefault == nil)
        #expect(user.column(named: "priority")?.sqlDefault == .number("0"))
        #expect(user.column(named: "preferences")?.sqlDefault == .text("no preference"))
        let groups = schema.groups
        #expect(groups.map(\.name) == ["user_only", "all_clients"])
        #expect(groups[0].contextVariables.isEmpty)
        #expect(groups[1].contextVariables == [ContextVariable(name: "user_id", type: .text)])
        #expect(groups[1].entries.map(\.restriction) == [nil, Restriction(variable: "user_id", columnName: "recipient_id")])
        #expect(result.diagnostics.filter { $0.severity == .warning }.map(\.code) == [.rustDefaultIgnored, .rustDefaultIgnored])
        #expect(result.diagnostics.filter { $0.severity == .note }.count == 6)
    }
}
