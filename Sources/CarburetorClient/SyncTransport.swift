import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How a device reaches the server: one request per sync step, JSON in and out.
/// Implement it over any HTTP stack, or in tests over the generated server code directly.
public protocol SyncTransport: Sendable {
    /// Sends an upload body of `group` and returns the server's answer.
    func upload(group: String, body: Data) async throws -> Data
    /// Sends a download request of `group` and returns the server's answer.
    func download(group: String, body: Data) async throws -> Data
}

/// `SyncTransport` over HTTP with URLSession: `POST <baseURL>/<group>/upload`
/// and `POST <baseURL>/<group>/download` by default, JSON bodies.
public struct HTTPSyncTransport: SyncTransport {
    public enum Step: String, Sendable { case upload, download }

    public var baseURL: URL
    /// Extra headers of every request (an `Authorization` header, say).
    public var headers: [String: String]
    /// The URL of a step of a group; by default `<baseURL>/<group>/<step>`.
    public var route: @Sendable (URL, String, Step) -> URL
    public var session: URLSession

    public init(baseURL: URL, headers: [String: String] = [:], session: URLSession = .shared,
                route: @escaping @Sendable (URL, String, Step) -> URL = { base, group, step in
                    base.appendingPathComponent(group).appendingPathComponent(step.rawValue)
                }) {
        self.baseURL = baseURL
        self.headers = headers
        self.session = session
        self.route = route
    }

    public func upload(group: String, body: Data) async throws -> Data {
        try await post(route(baseURL, group, .upload), body: body)
    }

    public func download(group: String, body: Data) async throws -> Data {
        try await post(route(baseURL, group, .download), body: body)
    }

    private func post(_ url: URL, body: Data) async throws -> Data {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            throw HTTPSyncTransportError(url: url, statusCode: http.statusCode,
                                         body: String(decoding: data.prefix(2_000), as: UTF8.self))
        }
        return data
    }
}

/// The server answered a sync request with an HTTP error; nothing was applied locally.
public struct HTTPSyncTransportError: Error, CustomStringConvertible, Sendable {
    public var url: URL
    public var statusCode: Int
    public var body: String

    public var description: String {
        "POST \(url.absoluteString) answered HTTP \(statusCode); local data is unchanged and the next sync retries: \(body)"
    }
}
