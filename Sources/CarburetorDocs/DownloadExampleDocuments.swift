import CarburetorSchema

/// The JSON examples a group's page shows, as text: what tests and tools use
/// to check the documentation against real clients (the generated Swift
/// models decode every one of them).
public struct DownloadExampleDocuments: Sendable, Hashable {
    /// The first download: no offsets yet.
    public var initialRequest: String
    /// The next download: each offset is the previous cutoff.
    public var incrementalRequest: String
    /// A complete response.
    public var response: String
    /// A response whose first table filled its page.
    public var pagedResponse: String
    /// The request that follows `pagedResponse`.
    public var requestAfterPage: String

    /// The examples of the group with this name; `nil` when there is none.
    public init?(group name: String, in schema: Schema) {
        guard let group = schema.groups.first(where: { $0.name == name }) else { return nil }
        let examples = DownloadExamples(group: group, entries: schema.resolvedEntries(of: group))
        initialRequest = examples.initialRequest.pretty()
        incrementalRequest = examples.incrementalRequest.pretty()
        response = examples.response.pretty()
        pagedResponse = examples.pagedResponse.pretty()
        requestAfterPage = examples.requestAfterPage.pretty()
    }
}
