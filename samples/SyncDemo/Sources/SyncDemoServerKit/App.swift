import CarburetorRuntime
import Foundation
import Hummingbird
import Logging
import PostgresNIO

/// The demo server: the generated download and upload of the `todos` sync
/// group (TodosSyncGroup, generated from todos.carb at build time) behind
/// `POST /todos/download` and `POST /todos/upload`, JSON in and out — the
/// routes `HTTPSyncTransport` uses by default.
public enum SyncDemoServer {
    /// The sync group the server serves.
    public static let group = "todos"
    /// The largest request body the server reads.
    public static let maximumBodySize = 16 << 20

    /// The routes, over `client` (which the caller runs). `pageSize` bounds the
    /// rows per table of one download answer (nil: the runtime's default).
    public static func router(client: PostgresClient, pageSize: Int? = nil) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("\(group)/download") { request, _ -> Response in
            let user = try StubAuthentication.user(of: request)
            let body = try await decode(TodosSyncGroup.DownloadRequest.self, from: request)
            let answer = try await TodosSyncGroup.download(
                client: client, request: body, context: .init(userId: user), pageSize: pageSize)
            return try json(answer)
        }
        router.post("\(group)/upload") { request, _ -> Response in
            let user = try StubAuthentication.user(of: request)
            let body = try await decode(TodosSyncGroup.UploadRequest.self, from: request)
            let answer = try await TodosSyncGroup.upload(client: client, request: body, context: .init(userId: user))
            return try json(answer)
        }
        return router
    }

    /// The application on `host`:`port` (port 0: any free port, which
    /// `onServerRunning` receives). It runs `client` as one of its services,
    /// so `runService()` starts and stops both.
    public static func application(
        client: PostgresClient, host: String = "127.0.0.1", port: Int, pageSize: Int? = nil,
        logger: Logger = Logger(label: "sync-demo-server"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var app = Application(
            router: router(client: client, pageSize: pageSize),
            configuration: .init(address: .hostname(host, port: port), serverName: "sync-demo-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        app.addServices(client)
        return app
    }

    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body {
        let buffer = try await request.body.collect(upTo: maximumBodySize)
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: "the body is not a \(group) sync request: \(describe(error))")
        }
    }

    static func json<Body: Encodable>(_ body: Body) throws -> Response {
        let data = try JSONEncoder().encode(body)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? context.debugDescription : "\(keys.joined(separator: ".")): \(context.debugDescription)"
        }
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
             .valueNotFound(_, let context):
            return path(context)
        @unknown default:
            return "\(error)"
        }
    }
}

/// STUB AUTHENTICATION, for the demo and its tests only: it trusts whoever
/// calls. The user id is taken from `Authorization: Bearer <user-id>` as is,
/// with no password, token check or session. A missing header, another
/// scheme, or an id that is not 1–64 characters of `A–Z a–z 0–9 _ . - @`
/// answers 401. A real server verifies a token here (a JWT, a session cookie)
/// and takes the user id from it; the rest of the server stays as it is,
/// because the sync context comes only from this function, never from the
/// request body.
public enum StubAuthentication {
    public static func user(of request: Request) throws -> String {
        guard let header = request.headers[.authorization] else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                            message: "missing Authorization header; send `Authorization: Bearer <user-id>`")
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                            message: "the Authorization header must be `Bearer <user-id>`")
        }
        let user = String(header.dropFirst(prefix.count))
        guard isValidUserID(user) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                            message: "the user id must be 1–64 characters of A–Z a–z 0–9 _ . - @")
        }
        return user
    }

    public static func isValidUserID(_ user: String) -> Bool {
        (1...64).contains(user.utf8.count)
            && user.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x5F || byte == 0x2E || byte == 0x2D || byte == 0x40
            }
    }
}
