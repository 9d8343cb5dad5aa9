import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax
import CarburetorTestSupport

/// The resolver's promises on any input: a consistent best-effort schema
/// and time that grows linearly, however many semantic errors there are.
@Suite struct ResolverRobustnessTests {
    private static let config = """
        tables {
            /// A person.
            user(plural = "users") {
                #[id] key -> Text,
                name -> Nullable<Text>,
                #[default(sql = Number(-1.5))] score -> Double,
                #[immutable] #[default(swift = "Date()")] created_at -> Timestamptz,
                #[last_synced_at] updated_at -> Timestamptz,
                #[dirty_flag] dirty -> Nullable<Text>,
            }
            message { body -> Text, #[immutable] recipient_id -> Text, is_deleted -> Bool }
            category(plural = "categories") { #[immutable] owner -> BigInt }
        }
        sync_groups {
            mobile {
                user,
                message(restrict_to = $user_id, restrict_to_column = recipient_id),
                category(restrict_to = $owner, restrict_to_column = owner),
            }
            web { user }
        }
        """

    /// The invariants later stages rely on, even when there were errors.
    private func checkInvariants(_ text: String) {
        let resolved = Resolved(text)
        var tableNames = Set<String>()
        for table in resolved.schema.tables {
            #expect(tableNames.insert(table.name).inserted, "table \(table.name) twice in the schema")
            for role in [ColumnRole.id, .syncStamp, .softDelete] {
                #expect(table.columns.filter { $0.role == role }.count == 1, "\(table.name) \(role) in \(text)")
            }
            #expect(table.idColumn.isImmutable)
        }
        var groupNames = Set<String>()
        for group in resolved.schema.groups {
            #expect(groupNames.insert(group.name).inserted)
            var listed = Set<String>()
            for entry in group.entries {
                #expect(tableNames.contains(entry.tableName))
                #expect(listed.insert(entry.tableName).inserted)
                if let restriction = entry.restriction {
                    #expect(group.contextVariables.contains { $0.name == restriction.variable })
                    let column = resolved.schema.table(named: entry.tableName)?.column(named: restriction.columnName)
                    #expect(column?.isImmutable == true && column?.isClientOnly == false)
                }
            }
            #expect(Set(group.contextVariables.map(\.name)).count == group.contextVariables.count)
        }
        for diagnostic in resolved.diagnostics {
            #expect(diagnostic.range.end <= resolved.file.utf8.count)
            for fixIt in diagnostic.fixIts { #expect(fixIt.range.end <= resolved.file.utf8.count) }
        }
    }

    @Test func theUnmutatedConfigIsClean() {
        #expect(Resolved(Self.config).errors.isEmpty)
        checkInvariants(Self.config)
    }

    /// Swaps, duplicates and drops whole words of a valid config: mostly
    /// semantic mistakes rather than syntax errors.
    @Test func wordMutationsKeepTheSchemaConsistent() {
        var random = SplitMix64(seed: 42)
        let words = Self.config.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let vocabulary = ["id", "is_deleted", "last_synced_at", "#[id]", "#[is_deleted]", "#[immutable]",
                          "Nullable<Nullable<Text>>", "Serial", "user", "users", "$user_id", "owner", "Txt",
                          "#[default(sql = Now)]", "#[dirty_flag]", "key", "userA", "user_a", ""]
        for _ in 0..<400 {
            var mutated = words
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<mutated.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: mutated[position] = vocabulary.randomElement(using: &random)!
                case 1: mutated.insert(mutated[position], at: position)
                default: mutated[position] = mutated.randomElement(using: &random)!
                }
            }
            checkInvariants(mutated.joined(separator: " "))
        }
    }

    /// Time for an input sixteen times larger must stay near sixteen times
    /// the time, for inputs full of semantic errors (suggestion searches included).
    @Test(arguments: ["duplicate tables", "unknown entries", "swift name clashes", "wide table", "restrictions"])
    func timeGrowsLinearlyWithSemanticErrors(_ shape: String) {
        func input(_ scale: Int) -> String {
            switch shape {
            case "duplicate tables":
                return "tables {\n" + (0..<scale).map { "t\($0 % 50) { a -> Txt, a -> Text }" }.joined(separator: "\n") + "\n}"
            case "unknown entries":
                let tables = (0..<scale).map { "table_\($0) { a -> Text }" }.joined(separator: "\n")
                let entries = (0..<scale).map { "tabel_\($0)" }.joined(separator: ", ")
                return "tables {\n\(tables)\n}\nsync_groups { g { \(entries) } }"
            case "swift name clashes":
                return "tables {\n" + (0..<scale).map { "a_\($0) { x -> Text }\na\($0) { x -> Text }" }.joined(separator: "\n") + "\n}"
            case "wide table":
                let columns = (0..<(scale * 4)).map { "c_\($0 % (scale * 2)) -> Text, c\($0)X -> Bool" }
                return "tables { t { " + columns.joined(separator: ", ") + " } }"
            default:
                let tables = (0..<scale).map { "t\($0) { #[immutable] o -> \($0 % 2 == 0 ? "Text" : "BigInt"), m -> Text }" }
                let entries = (0..<scale).map { "t\($0)(restrict_to = $v, restrict_to_column = \($0 % 3 == 0 ? "m" : "o"))" }
                return "tables {\n" + tables.joined(separator: "\n") + "\n}\nsync_groups { g { " + entries.joined(separator: ", ") + " } }"
            }
        }
        func fastest(_ text: String) -> Double {
            var best = Double.infinity
            for _ in 0..<3 {
                let (result, seconds) = measureThreadCPU { Frontend.compile(SourceFile(name: "big.carb", text: text)) }
                #expect(result.hasErrors, "\(shape) gives no error")
                best = min(best, seconds)
            }
            return best
        }
        let small = fastest(input(200))
        let large = fastest(input(3_200))
        // Sixteen times the input: linear time gives about 16 times the time,
        // quadratic about 256. Generous for a busy machine: a factor of 48
        // plus 100 ms of slack.
        #expect(large < small * 48 + 0.1, "\(shape): \(small)s for ×1, \(large)s for ×16")
    }
}
