import Foundation

/// A request or notification from the client (or a response to a request
/// of ours, which the server never sends, so it is ignored).
struct IncomingMessage: Decodable {
    var id: JSONValue?
    var method: String?
    var params: JSONValue?
}

/// JSON-RPC error codes the server answers with.
public enum RPCErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestFailed = -32803
}

struct RPCError: Error, Encodable {
    var code: Int
    var message: String

    static func invalidParams(_ message: String) -> RPCError {
        RPCError(code: RPCErrorCode.invalidParams, message: message)
    }
}

struct OutgoingResponse: Encodable {
    var id: JSONValue
    var result: JSONValue?
    var error: RPCError?

    enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        if let error {
            try container.encode(error, forKey: .error)
        } else {
            // A response always has `result`, `null` included.
            try container.encode(result ?? .null, forKey: .result)
        }
    }
}

struct OutgoingNotification<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var method: String
    var params: Params
}

enum JSONCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Re-reads untyped `params` as the structure a method takes.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue?) throws -> T {
        let data = try JSONEncoder().encode(value ?? .null)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw RPCError.invalidParams("invalid params: \(error)")
        }
    }

    /// A typed result as untyped JSON, to go into a response.
    static func value<T: Encodable>(_ result: T) throws -> JSONValue {
        let data = try encoder().encode(result)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
