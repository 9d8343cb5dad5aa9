import CarburetorChecker
import CarburetorSchema
import Testing

/// The hand-built schemas the escaping and example tests use are exactly
/// what the front end makes of the fixtures, source ranges aside.
@Suite struct FrontendAgreementTests {
    @Test(arguments: Fixtures.names)
    func handBuiltSchemaMatchesCompiledFixture(fixture: String) throws {
        let compiled = try Fixtures.schema(fixture)
        let handBuilt = try #require(HandBuiltSchemas.schema(for: fixture))
        #expect(Self.withoutRanges(compiled) == handBuilt)
    }

    static func withoutRanges(_ schema: Schema) -> Schema {
        var schema = schema
        for tableIndex in schema.tables.indices {
            schema.tables[tableIndex].range = nil
            for columnIndex in schema.tables[tableIndex].columns.indices {
                schema.tables[tableIndex].columns[columnIndex].range = nil
            }
        }
        for groupIndex in schema.groups.indices {
            schema.groups[groupIndex].range = nil
            for entryIndex in schema.groups[groupIndex].entries.indices {
                schema.groups[groupIndex].entries[entryIndex].range = nil
            }
        }
        return schema
    }
}
