import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Errors and warnings about sync groups and their restrictions.
@Suite struct ResolverGroupDiagnosticTests {
    private let tables = """
        tables {
            user { name -> Text }
            note {
                #[immutable]
                owner_id -> Text,
                title -> Text,
            }
            category(plural = "categories") { name -> Text }
        }

        """

    @Test func duplicateGroup() throws {
        let r = Resolved(tables + "sync_groups { mobile { user } mobile { note } }")
        let error = try #require(r.only(.duplicateGroup))
        #expect(r.text(error.range) == "mobile")
        #expect(error.notes.first?.range?.start ?? .max < error.range.start)
        #expect(r.schema.groups.map(\.entries.first?.tableName) == ["user"])
    }

    @Test func tableListedTwice() throws {
        let r = Resolved(tables + "sync_groups { mobile { user, note, user } }")
        let error = try #require(r.only(.duplicateGroupEntry))
        #expect(r.text(error.range) == "user")
        #expect(error.notes.first?.message == "first listed here")
        #expect(r.schema.groups.first?.entries.map(\.tableName) == ["user", "note"])
    }

    @Test func unknownTableSuggestsTheNearestName() throws {
        let r = Resolved(tables + "sync_groups { mobile { usr } }")
        let error = try #require(r.only(.unknownGroupTable))
        #expect(r.text(error.range) == "usr")
        #expect(error.help == "did you mean 'user'?")
        #expect(r.text(error.notes.first?.range) == "user")
        #expect(r.schema.groups.first?.entries.isEmpty == true)
    }

    @Test func aPluralSuggestsTheSingular() throws {
        let r = Resolved(tables + "sync_groups { mobile { categories } }")
        let error = try #require(r.only(.unknownGroupTable))
        #expect(error.help?.contains("did you mean 'category'?") == true)
        #expect(r.applying(error.fixIts).hasSuffix("sync_groups { mobile { category } }"))
    }

    @Test func unknownEntryArgument() throws {
        let r = Resolved(tables + "sync_groups { mobile { note(restrict_too = $user_id) } }")
        let error = try #require(r.only(.unknownEntryArgument))
        #expect(r.text(error.range) == "restrict_too")
        #expect(error.help == "did you mean 'restrict_to'?")
    }

    @Test func restrictionsComeInPairs() throws {
        let variableOnly = Resolved(tables + "sync_groups { mobile { note(restrict_to = $user_id) } }")
        let error = try #require(variableOnly.only(.unpairedRestriction))
        #expect(variableOnly.text(error.range) == "restrict_to = $user_id")
        #expect(variableOnly.schema.groups.first?.contextVariables.isEmpty == true)

        let columnOnly = Resolved(tables + "sync_groups { mobile { note(restrict_to_column = owner_id) } }")
        #expect(columnOnly.text(columnOnly.only(.unpairedRestriction)?.range) == "restrict_to_column = owner_id")
    }

    @Test func duplicateEntryArgument() throws {
        let r = Resolved(tables + """
            sync_groups { mobile { note(restrict_to = $a, restrict_to = $b, restrict_to_column = owner_id) } }
            """)
        let error = try #require(r.only(.duplicateArgument))
        #expect(r.text(error.range) == "restrict_to = $b")
    }

    @Test func dollarMissingOnRestrictTo() throws {
        let r = Resolved(tables + "sync_groups { mobile { note(restrict_to = user_id, restrict_to_column = owner_id) } }")
        let error = try #require(r.only(.restrictToNotVariable))
        #expect(r.text(error.range) == "user_id")
        #expect(r.applying(error.fixIts).contains("restrict_to = $user_id,"))
        #expect(Resolved(tables + "sync_groups { mobile { note(restrict_to = \"x\", restrict_to_column = owner_id) } }")
            .only(.restrictToNotVariable) != nil)
    }

    @Test func dollarMisplacedOnRestrictColumn() throws {
        let r = Resolved(tables + "sync_groups { mobile { note(restrict_to = $user_id, restrict_to_column = $owner_id) } }")
        let error = try #require(r.only(.restrictColumnNotName))
        #expect(r.text(error.range) == "$owner_id")
        #expect(r.applying(error.fixIts).contains("restrict_to_column = owner_id)"))
        let quoted = Resolved(tables + "sync_groups { mobile { note(restrict_to = $user_id, restrict_to_column = \"owner_id\") } }")
        #expect(quoted.only(.restrictColumnNotName)?.fixIts.map(\.replacement) == ["owner_id"])
    }

    @Test func restrictColumnMustExist() throws {
        let r = Resolved(tables + "sync_groups { mobile { note(restrict_to = $user_id, restrict_to_column = ower_id) } }")
        let error = try #require(r.only(.unknownRestrictColumn))
        #expect(r.text(error.range) == "ower_id")
        #expect(error.help == "did you mean 'owner_id'?")
        #expect(r.text(error.notes.first?.range) == "note")
    }

    @Test func restrictColumnMustBeImmutable() throws {
        let r = Resolved(tables + "sync_groups { mobile { note(restrict_to = $t, restrict_to_column = title) } }")
        let error = try #require(r.only(.mutableRestrictColumn))
        #expect(r.text(error.range) == "title")
        #expect(error.help?.contains("#[immutable]") == true)
        #expect(r.applying(error.fixIts).contains("#[immutable] title -> Text"))
        #expect(r.text(error.notes.first?.range) == "title")

        let stamp = Resolved(tables + "sync_groups { mobile { note(restrict_to = $t, restrict_to_column = last_synced_at) } }")
        let stampError = try #require(stamp.only(.mutableRestrictColumn))
        #expect(stampError.fixIts.isEmpty)
    }

    @Test func theIdMayRestrict() throws {
        let r = Resolved(tables + "sync_groups { mobile { note(restrict_to = $note_id, restrict_to_column = id) } }")
        #expect(r.errors.isEmpty)
        #expect(r.schema.groups.first?.contextVariables == [ContextVariable(name: "note_id", type: .text)])
    }

    @Test func clientOnlyColumnCannotRestrict() throws {
        let r = Resolved("""
            tables { note { #[immutable] #[dirty_flag] dirty -> Nullable<Text> } }
            sync_groups { mobile { note(restrict_to = $d, restrict_to_column = dirty) } }
            """)
        #expect(r.text(r.only(.clientOnlyRestrictColumn)?.range) == "dirty")
    }

    @Test func oneVariableBoundToTwoTypes() throws {
        let r = Resolved("""
            tables {
                note { #[immutable] owner_id -> Text }
                score { #[immutable] owner_number -> BigInt }
            }
            sync_groups {
                mobile {
                    note(restrict_to = $owner, restrict_to_column = owner_id),
                    score(restrict_to = $owner, restrict_to_column = owner_number),
                }
                other {
                    score(restrict_to = $owner, restrict_to_column = owner_number),
                }
            }
            """)
        let error = try #require(r.only(.conflictingVariableTypes))
        #expect(r.file.location(of: error.range.start).line == 8)
        #expect(r.text(error.range) == "owner")
        #expect(r.text(error.notes.last?.range) == "owner")
        #expect(r.file.location(of: error.notes.last!.range!.start).line == 7)
        #expect(r.schema.groups.map(\.contextVariables) == [
            [ContextVariable(name: "owner", type: .text)],
            [ContextVariable(name: "owner", type: .bigInt)],
        ])
    }

    @Test func anUnknownTypeDoesNotStartAVariableConflict() throws {
        let r = Resolved("""
            tables {
                note { #[immutable] owner_id -> Txt }
                score { #[immutable] owner_number -> BigInt }
            }
            sync_groups { mobile {
                note(restrict_to = $owner, restrict_to_column = owner_id),
                score(restrict_to = $owner, restrict_to_column = owner_number),
            } }
            """)
        #expect(r.errors.map(\.code) == [.unknownType])
        #expect(r.schema.groups.first?.contextVariables == [ContextVariable(name: "owner", type: .bigInt)])
    }

    @Test func emptyGroupWarns() throws {
        let r = Resolved(tables + "sync_groups { mobile {} }")
        let warning = try #require(r.only(.emptyGroup, severity: .warning))
        #expect(r.text(warning.range) == "mobile")
        #expect(r.errors.isEmpty)
    }
}
