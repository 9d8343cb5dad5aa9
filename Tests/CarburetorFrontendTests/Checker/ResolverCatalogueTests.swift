import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

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

    /// Compiles every file with no errors; fails when there is no file.
    static func expectCompileWithoutErrors(_ files: [URL], in directory: URL) throws {
        try #require(!files.isEmpty, "no .carb files in \(directory.path)")
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let result = Frontend.compile(SourceFile(name: url.lastPathComponent, text: text))
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.map { "\($0.code): \($0.message)" })")
            #expect(result.schema != nil)
        }
    }

    @Test(.enabled(if: SyntaxTestPaths.realConfigsExist,
                   "../shared/real-configs exists only beside the checkout in CI"))
    func realConfigsCompileWithoutErrors() throws {
        let directory = SyntaxTestPaths.realConfigs
        let files = SyntaxTestPaths.carbFiles(under: directory)
        #expect(files.count >= 2)
        try Self.expectCompileWithoutErrors(files, in: directory)
    }

    @Test func frameworkShapedConfigsCompileWithoutErrors() throws {
        let directory = SyntaxTestPaths.frameworkShapedConfigs
        let files = SyntaxTestPaths.carbFiles(under: directory)
        #expect(files.count >= 2)
        try Self.expectCompileWithoutErrors(files, in: directory)
    }

    @Test func samplesCompileWithoutErrors() throws {
        let samples = SyntaxTestPaths.packageRoot.appendingPathComponent("samples")
        try Self.expectCompileWithoutErrors(SyntaxTestPaths.carbFiles(under: samples), in: samples)
    }

    /// The names in a config shaped like carburetor-rs's end-to-end config:
    /// two tables, the first with every kind of default, and two groups, the
    /// second restricting the second table by a `$variable`.
    struct FrameworkShape {
        var plurals: [String]
        var firstTable: String
        /// The first table's declared columns, in order.
        var declaredColumns: [String]
        /// `#[immutable]` with a Rust default (dropped with a warning).
        var immutableWithRustDefault: String
        /// `#[default(sql = Number(0))]`.
        var numberDefault: String
        /// `#[default(sql = Text(…))]`.
        var textDefault: (column: String, value: String)
        var groups: [String]
        var variable: String
        var restrictColumn: String
    }

    /// Resolves as carburetor-rs does: synthesized columns in its order, SQL
    /// defaults kept, Rust defaults dropped with a warning each, one typed
    /// context variable, a note per synthesized column.
    static func expectResolvesAsTheFrameworkDoes(_ url: URL, _ shape: FrameworkShape) throws {
        let result = Frontend.compile(SourceFile(name: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8)))
        let schema = try #require(result.schema)
        #expect(schema.tables.map(\.plural) == shape.plurals)
        let first = try #require(schema.table(named: shape.firstTable))
        #expect(first.columns.map(\.name) == ["id"] + shape.declaredColumns + ["is_deleted", "last_synced_at"])
        #expect(first.column(named: shape.immutableWithRustDefault)?.isImmutable == true)
        #expect(first.column(named: shape.immutableWithRustDefault)?.sqlDefault == nil)
        #expect(first.column(named: shape.numberDefault)?.sqlDefault == .number("0"))
        #expect(first.column(named: shape.textDefault.column)?.sqlDefault == .text(shape.textDefault.value))
        let groups = schema.groups
        #expect(groups.map(\.name) == shape.groups)
        #expect(groups[0].contextVariables.isEmpty)
        #expect(groups[1].contextVariables == [ContextVariable(name: shape.variable, type: .text)])
        #expect(groups[1].entries.map(\.restriction)
            == [nil, Restriction(variable: shape.variable, columnName: shape.restrictColumn)])
        #expect(result.diagnostics.filter { $0.severity == .warning }.map(\.code) == [.rustDefaultIgnored, .rustDefaultIgnored])
        #expect(result.diagnostics.filter { $0.severity == .note }.count == 6)
    }

    @Test(.enabled(if: SyntaxTestPaths.realConfigsExist,
                   "../shared/real-configs exists only beside the checkout in CI"))
    func endToEndRealConfigResolvesAsTheFrameworkDoes() throws {
        try Self.expectResolvesAsTheFrameworkDoes(
            SyntaxTestPaths.realConfigs.appendingPathComponent("carburetor_rs_e2e.carb"),
            FrameworkShape(plurals: ["users", "messages"], firstTable: "user",
                           declaredColumns: ["username", "first_name", "joined_on", "created_at", "nickname",
                                             "priority", "preferences"],
                           immutableWithRustDefault: "created_at", numberDefault: "priority",
                           textDefault: ("preferences", "no preference"), groups: ["user_only", "all_clients"],
                           variable: "user_id", restrictColumn: "recipient_id"))
    }

    /// The project's own config of the same shape, run everywhere.
    @Test func frameworkShapedConfigResolvesAsTheFrameworkDoes() throws {
        try Self.expectResolvesAsTheFrameworkDoes(
            SyntaxTestPaths.frameworkShapedConfigs.appendingPathComponent("club.carb"),
            FrameworkShape(plurals: ["members", "notices"], firstTable: "member",
                           declaredColumns: ["handle", "display_name", "joined_club_on", "registered_at", "badge",
                                             "rank", "theme"],
                           immutableWithRustDefault: "registered_at", numberDefault: "rank",
                           textDefault: ("theme", "no theme"), groups: ["members_only", "every_device"],
                           variable: "member_id", restrictColumn: "addressee_id"))
    }
}
