import CarburetorRuntime
import Foundation
import Testing

/// Documentation/Sync.md's JSON examples are real wire documents: the
/// generated upload types decode them and encode back the same document.
@Suite struct SyncProtocolDocTests {
    static let page = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Documentation/Sync.md")

    /// The ```json blocks of the page, in order.
    static func jsonBlocks() throws -> [String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```json" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    private func normalized(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test func requestAndResponseExamplesDecodeAndEncodeBack() throws {
        let blocks = try Self.jsonBlocks()
        #expect(blocks.count == 2)
        let request = try JSONDecoder().decode(MobileSyncGroup.UploadRequest.self, from: Data(blocks[0].utf8))
        #expect(request.phoneBooks.count == 2 && request.phoneBooks[0].note == .set(nil))
        #expect(request.users.isEmpty)
        let response = try JSONDecoder().decode(MobileSyncGroup.UploadResponse.self, from: Data(blocks[1].utf8))
        #expect(response.phoneBooks.map(\.code) == [nil, .notFound])
        #expect(response.phoneBooks[0].lost?.note == .set("call back"))

        let encoder = JSONEncoder()
        // An empty table is written as `[]`; the documented request leaves it out.
        var reencoded = try normalized(encoder.encode(request)).mutableCopy() as! NSMutableDictionary
        reencoded.removeObject(forKey: "users")
        #expect(reencoded == (try normalized(Data(blocks[0].utf8))))
        reencoded = try normalized(encoder.encode(response)).mutableCopy() as! NSMutableDictionary
        reencoded.removeObject(forKey: "users")
        #expect(reencoded == (try normalized(Data(blocks[1].utf8))))
    }
}
