import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

@Suite struct ResolverHelperTests {
    @Test(arguments: [
        ("category", "categories"), ("box", "boxes"), ("address", "addresses"), ("match", "matches"),
        ("wish", "wishes"), ("waltz", "waltzes"), ("person", "people"), ("sales_person", "sales_people"),
        ("child", "children"), ("man", "men"), ("data", "data"), ("user", "users"), ("day", "days"),
        ("phone_book", "phone_books"), ("human", "humans"),
    ])
    func englishPlurals(name: String, plural: String) {
        #expect(Pluralization.englishPlural(of: name) == plural)
    }

    @Test func pluralLookingNames() {
        #expect(Pluralization.looksPlural("users"))
        #expect(Pluralization.looksPlural("order_items"))
        #expect(Pluralization.looksPlural("people"))
        for singular in ["user", "address", "status", "analysis", "alias", "news", "bus", "box"] {
            #expect(!Pluralization.looksPlural(singular), "\(singular)")
        }
    }

    /// The byte-level test never clears a name the full check would warn about.
    @Test func defaultPluralFastPathAgreesWithTheFullCheck() {
        var names = ["user", "users", "person", "Person", "sales_person", "box", "day", "city", "fish",
                     "bus", "address", "match", "leaf", "data", "item_", "__", "", "x_", "news_item",
                     "Status", "CHURCH", "a_b_sheep", "criterion", "caf\u{E9}s", "line\r\nitems"]
        names += randomNames(from: "aeiosxyzhcnt_", count: 3_000, maximumLength: 7, seed: 11)
        for name in names where !Pluralization.defaultPluralMayReadWrong(name) {
            let english = Pluralization.englishPlural(of: name)
            #expect(!Pluralization.looksPlural(name), "\(name)")
            #expect(english == Pluralization.defaultPlural(of: name) || !Resolver.isIdentifier(english), "\(name)")
        }
    }

    @Test func editDistanceIsBounded() {
        let distance = { (a: String, b: String, limit: Int) in
            Suggestions.editDistance(Array(a.utf8), Array(b.utf8), limit: limit)
        }
        #expect(distance("kitten", "sitting", 3) == 3)
        #expect(distance("kitten", "sitting", 2) == nil)
        #expect(distance("", "ab", 2) == 2)
        #expect(distance("Text", "Text", 1) == 0)
        #expect(distance("abcdef", "abcxef", 1) == 1)
    }

    @Test func nearestIgnoresCaseAndRejectsFarCandidates() {
        var budget = SuggestionBudget()
        let types = ["Text", "Integer", "Timestamptz", "Timestamp"]
        #expect(Suggestions.nearest(to: "Txt", among: types, budget: &budget) == "Text")
        #expect(Suggestions.nearest(to: "text", among: types, budget: &budget) == "Text")
        #expect(Suggestions.nearest(to: "Timestamtz", among: types, budget: &budget) == "Timestamptz")
        #expect(Suggestions.nearest(to: "Geometry", among: types, budget: &budget) == nil)
        #expect(Suggestions.nearest(to: "restrict", among: ["restrict_to_column", "restrict_to"], budget: &budget)
            == "restrict_to")
        #expect(Suggestions.nearest(to: "Ti", among: types, budget: &budget) == nil)
        var empty = SuggestionBudget(comparisons: 0)
        #expect(Suggestions.nearest(to: "Txt", among: types, budget: &empty) == nil)
    }

    /// Small and large inputs take different paths to the same answer.
    @Test func repeatsFindsEveryLaterCopy() {
        let small = ["a", "b", "a", "c", "b", "a"]
        #expect(Resolver.repeats(in: small).map { [$0.position, $0.first] } == [[2, 0], [4, 1], [5, 0]])
        let large = (0..<40).map { "k\($0 % 17)" }
        let found = Resolver.repeats(in: large)
        #expect(found.count == 40 - 17)
        #expect(found.allSatisfy { large[$0.position] == large[$0.first] && $0.first == $0.position % 17 })
    }

    @Test func duplicateColumnsInAWideTable() {
        let columns = (0..<30).map { "c\($0) -> Text" } + ["c7 -> Text", "c_7 -> Text"]
        let r = Resolved("tables { t { " + columns.joined(separator: ", ") + " } }")
        #expect(r.errors.map(\.code) == [.duplicateColumn, .swiftNameClash])
        #expect(r.errors.map { r.text($0.notes.first?.range) } == ["c7", "c7"])
    }

    @Test func restrictionOnAWideTable() {
        let columns = (0..<30).map { "c\($0) -> Text" }
        let r = Resolved("tables { t { #[immutable] owner -> Text, " + columns.joined(separator: ", ")
            + " } } sync_groups { g { t(restrict_to = $o, restrict_to_column = owner) } h { t(restrict_to = $o, restrict_to_column = ownr) } }")
        #expect(r.errors.map(\.code) == [.unknownRestrictColumn])
        #expect(r.errors.first?.help == "did you mean 'owner'?")
        #expect(r.schema.groups.first?.contextVariables == [ContextVariable(name: "o", type: .text)])
    }

    @Test func identifiersAndNumbers() {
        #expect(Resolver.isIdentifier("phone_books"))
        #expect(Resolver.isIdentifier("_x1"))
        #expect(!Resolver.isIdentifier("1x"))
        #expect(!Resolver.isIdentifier("the people"))
        #expect(!Resolver.isIdentifier(""))
        #expect(Resolver.isNumberLiteral("-1.50"))
        #expect(Resolver.isNumberLiteral("0"))
        #expect(!Resolver.isNumberLiteral("1."))
        #expect(!Resolver.isNumberLiteral("--1"))
        #expect(!Resolver.isNumberLiteral("1e5"))
    }
}

@Suite struct SwiftNamesTests {
    /// The checker's fast conversions agree with the shared ones the backends use.
    @Test func agreesWithNaming() {
        var names = ["user", "user_a", "userA", "_", "__", "_x", "x_", "a__b", "ID", "iD", "phone_number",
                     "a_1b", "A", "_9", "Ünicode_name", "é"]
        names += randomNames(from: "aZ_9q", count: 2_000, maximumLength: 6, seed: 7)
        for name in names {
            #expect(SwiftNames.typeName(name) == Naming.upperCamelCase(name), "\(name)")
            #expect(SwiftNames.propertyName(name) == Naming.lowerCamelCase(name), "\(name)")
        }
    }
}

/// Names of 1 to `maximumLength` characters drawn from `alphabet`, the same on every run.
private func randomNames(from alphabet: String, count: Int, maximumLength: Int, seed: UInt64) -> [String] {
    let alphabet = Array(alphabet)
    var state = seed
    return (0..<count).map { _ in
        var name = ""
        for _ in 0..<(Int(state % UInt64(maximumLength)) + 1) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            name.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
        }
        return name
    }
}
