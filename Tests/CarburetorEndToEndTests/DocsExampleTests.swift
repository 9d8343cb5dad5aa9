import CarburetorDocs
import CarburetorRuntime
import Foundation
import Testing

/// The JSON examples of `--emit docs` are real wire documents: the generated
/// models decode every one, and encoding what they decoded gives back the
/// same keys, table by table and row by row.
@Suite struct DocsExampleTests {
    private func examples(_ group: String) throws -> DownloadExampleDocuments {
        try #require(DownloadExampleDocuments(group: group, in: try SampleSchema.schema()))
    }

    /// The keys of a JSON document at every level (arrays merged), as paths.
    private func keyPaths(_ json: Any, prefix: String = "") -> Set<String> {
        switch json {
        case let object as [String: Any]:
            return object.reduce(into: Set<String>()) { paths, member in
                let path = prefix + "/" + member.key
                paths.insert(path)
                paths.formUnion(keyPaths(member.value, prefix: path))
            }
        case let array as [Any]:
            return array.reduce(into: Set<String>()) { $0.formUnion(keyPaths($1, prefix: prefix + "[]")) }
        default:
            return []
        }
    }

    private func roundTrip<Model: Codable>(_ text: String, as model: Model.Type) throws {
        let decoded = try JSONDecoder().decode(Model.self, from: Data(text.utf8))
        let reencoded = try JSONEncoder().encode(decoded)
        let original = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let again = try JSONSerialization.jsonObject(with: reencoded)
        #expect(keyPaths(again) == keyPaths(original), "\(Model.self) does not carry the documented keys")
        #expect(!keyPaths(original).isEmpty)
    }

    @Test func mobileExamplesDecodeWithTheGeneratedModels() throws {
        let docs = try examples("mobile")
        for request in [docs.initialRequest, docs.incrementalRequest, docs.requestAfterPage] {
            try roundTrip(request, as: MobileSyncGroup.DownloadRequest.self)
        }
        for response in [docs.response, docs.pagedResponse] {
            try roundTrip(response, as: MobileSyncGroup.DownloadResponse.self)
        }
        let response = try JSONDecoder().decode(MobileSyncGroup.DownloadResponse.self, from: Data(docs.pagedResponse.utf8))
        #expect(response.users.data.count == 1 && response.phoneBooks.data.count == 1)
        #expect(response.hasMore)
    }

    @Test func everyTypeExampleDecodesWithTheGeneratedModels() throws {
        let docs = try examples("everything")
        try roundTrip(docs.initialRequest, as: EverythingSyncGroup.DownloadRequest.self)
        try roundTrip(docs.response, as: EverythingSyncGroup.DownloadResponse.self)
        let response = try JSONDecoder().decode(EverythingSyncGroup.DownloadResponse.self, from: Data(docs.response.utf8))
        #expect(response.everyTypes.data.count == 1)
    }
}
