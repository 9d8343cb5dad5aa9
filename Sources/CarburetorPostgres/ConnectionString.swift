import CLibPQ

/// Knowledge about connection strings that must not leak: the password.
///
/// libpq itself does not echo passwords in its messages today, but the
/// parser's complaints about a malformed string can quote pieces of it, and a
/// future libpq might say more. Every message derived from a connection
/// attempt is passed through `scrub` so no version can print a secret.
enum ConnectionString {
    static let redaction = "********"

    /// Replaces every known spelling of the password in `message`.
    static func scrub(_ message: String, conninfo: String) -> String {
        var result = message
        for secret in secrets(in: conninfo).sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            result = result.replacing(secret, with: redaction)
        }
        return result
    }

    /// The password as written (percent-encoded or quoted) and as decoded.
    static func secrets(in conninfo: String) -> [String] {
        var found: [String] = []
        if let parsed = parsedPassword(conninfo) { found.append(parsed) }
        found.append(contentsOf: urlPasswords(conninfo))
        found.append(contentsOf: keywordPasswords(conninfo))
        var unique: [String] = []
        for secret in found where !unique.contains(secret) { unique.append(secret) }
        return unique
    }

    /// libpq's own reading of the string (decoded).
    private static func parsedPassword(_ conninfo: String) -> String? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var index = 0
        while let keyword = options[index].keyword {
            if String(cString: keyword) == "password", let value = options[index].val {
                return String(cString: value)
            }
            index += 1
        }
        return nil
    }

    /// `postgres://user:SECRET@host`, raw and percent-decoded; also
    /// `?password=SECRET` query parameters.
    private static func urlPasswords(_ conninfo: String) -> [String] {
        guard conninfo.hasPrefix("postgres://") || conninfo.hasPrefix("postgresql://"),
              let schemeEnd = conninfo.firstRange(of: "://") else { return [] }
        var found: [String] = []
        let rest = conninfo[schemeEnd.upperBound...]
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                let raw = String(userInfo[userInfo.index(after: colon)...])
                found.append(raw)
                found.append(percentDecoded(raw))
            }
        }
        if let query = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: query)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == "password" {
                    found.append(String(parts[1]))
                    found.append(percentDecoded(String(parts[1])))
                }
            }
        }
        return found
    }

    /// `password=SECRET` or `password = 'SE CRET'` in key=value strings.
    private static func keywordPasswords(_ conninfo: String) -> [String] {
        var found: [String] = []
        var searchStart = conninfo.startIndex
        while let match = conninfo[searchStart...].firstRange(of: "password") {
            searchStart = match.upperBound
            var index = match.upperBound
            func skipSpaces() { while index < conninfo.endIndex, conninfo[index].isWhitespace { index = conninfo.index(after: index) } }
            skipSpaces()
            guard index < conninfo.endIndex, conninfo[index] == "=" else { continue }
            index = conninfo.index(after: index)
            skipSpaces()
            var value = ""
            if index < conninfo.endIndex, conninfo[index] == "'" {
                index = conninfo.index(after: index)
                var raw = ""
                while index < conninfo.endIndex, conninfo[index] != "'" {
                    if conninfo[index] == "\\", conninfo.index(after: index) < conninfo.endIndex {
                        raw.append(conninfo[index])
                        index = conninfo.index(after: index)
                        value.append(conninfo[index])
                    } else {
                        value.append(conninfo[index])
                    }
                    raw.append(conninfo[index])
                    index = conninfo.index(after: index)
                }
                found.append(raw)
            } else {
                while index < conninfo.endIndex, !conninfo[index].isWhitespace {
                    value.append(conninfo[index])
                    index = conninfo.index(after: index)
                }
            }
            found.append(value)
        }
        return found
    }

    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
