import CLibPQ

/// Connection strings taken apart here, not by libpq, so the password never
/// travels through a parser that could quote it.
///
/// libpq splits a URL's user info at the first `@` or `/`: a password
/// holding either (`app:hunter@2secret@db`, `app:pa/ss@db`) becomes part of
/// a host name or a port that libpq then quotes in its error ("could not
/// translate host name "2secret@db""), and no scrubbing of the whole
/// password can catch such a fragment. So URLs and key=value strings are
/// parsed into libpq keywords here, the password is held apart, the keywords
/// go to `PQconnectdbParams` (with `expand_dbname` off, so nothing is parsed
/// twice), and this parser's own errors never quote the string.
///
/// URL rules: the user info ends at the *last* `@` before the host, so no
/// character of a password can land in the host, port, database or query;
/// the user name ends at the first `:`. `%XX` escapes are decoded everywhere
/// (a `%` not followed by two hexadecimal digits stays as it is). An `@` in
/// the database name or query must be written `%40`.
public enum ConnectionString {
    static let redaction = "********"

    /// The keyword/value pairs of a URL or key=value string, in order;
    /// `password` among them when the string has one.
    public static func parameters(of conninfo: String) throws(PostgresError) -> [(keyword: String, value: String)] {
        let pairs: [(String, String)]
        if let rest = urlRemainder(conninfo) {
            pairs = try parseURL(rest)
        } else {
            pairs = try parseKeywordValue(conninfo)
        }
        let known = knownKeywords
        if pairs.contains(where: { !known.contains($0.0) }) {
            let unknown = pairs.map(\.0).filter { !known.contains($0) }
            // An unknown keyword may be a fragment of a password split off
            // by a missing quote, so it is named only when there is no password.
            let named = pairs.contains { $0.0 == "password" } ? "" : " " + unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            throw PostgresError(kind: .connection, message: "invalid connection option\(named)"
                + (named.isEmpty ? " (not shown: it may hold part of the password; quote values that contain spaces, and percent-encode '@', '/', '?', '&' and '%' in URLs)" : ""))
        }
        return pairs.map { (keyword: $0.0, value: $0.1) }
    }

    private static func urlRemainder(_ conninfo: String) -> Substring? {
        for scheme in ["postgresql://", "postgres://"] where conninfo.hasPrefix(scheme) {
            return conninfo.dropFirst(scheme.count)
        }
        return nil
    }

    private static func malformed(_ what: String) -> PostgresError {
        PostgresError(kind: .connection, message: "malformed connection string: \(what) (the string is not shown: it may hold a password)")
    }

    /// `[user[:password]@][host[:port][,…]][/dbname][?keyword=value&…]`.
    static func parseURL(_ rest: Substring) throws(PostgresError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var afterUserInfo = rest
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            afterUserInfo = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                let user = userInfo[..<colon]
                if !user.isEmpty { pairs.append(("user", try percentDecoded(user))) }
                pairs.append(("password", try percentDecoded(userInfo[userInfo.index(after: colon)...])))
            } else if !userInfo.isEmpty {
                pairs.append(("user", try percentDecoded(userInfo)))
            }
        }
        let queryStart = afterUserInfo.firstIndex(of: "?")
        let beforeQuery = afterUserInfo[..<(queryStart ?? afterUserInfo.endIndex)]
        let slash = beforeQuery.firstIndex(of: "/")
        let hostSpec = beforeQuery[..<(slash ?? beforeQuery.endIndex)]
        var hosts: [String] = []
        var ports: [String] = []
        if !hostSpec.isEmpty {
            for entry in hostSpec.split(separator: ",", omittingEmptySubsequences: false) {
                var host = entry[...]
                var port: Substring = ""
                if host.hasPrefix("[") {
                    guard let close = host.firstIndex(of: "]") else { throw malformed("an IPv6 host address lacks its closing ']'") }
                    let after = host[host.index(after: close)...]
                    if after.hasPrefix(":") { port = after.dropFirst() } else if !after.isEmpty {
                        throw malformed("unexpected text after an IPv6 host address")
                    }
                    host = host[host.index(after: host.startIndex)..<close]
                } else if let colon = host.firstIndex(of: ":") {
                    port = host[host.index(after: colon)...]
                    host = host[..<colon]
                }
                hosts.append(try percentDecoded(host))
                ports.append(try percentDecoded(port))
            }
        }
        if hosts.contains(where: { !$0.isEmpty }) { pairs.append(("host", hosts.joined(separator: ","))) }
        if ports.contains(where: { !$0.isEmpty }) { pairs.append(("port", ports.joined(separator: ","))) }
        if let slash {
            let database = beforeQuery[beforeQuery.index(after: slash)...]
            if !database.isEmpty { pairs.append(("dbname", try percentDecoded(database))) }
        }
        if let queryStart {
            for parameter in afterUserInfo[afterUserInfo.index(after: queryStart)...].split(separator: "&") {
                guard let equals = parameter.firstIndex(of: "=") else {
                    throw malformed("a query parameter has no '='")
                }
                var keyword = try percentDecoded(parameter[..<equals])
                var value = try percentDecoded(parameter[parameter.index(after: equals)...])
                // libpq's one alias, for JDBC-style URLs.
                if keyword == "ssl", value == "true" { keyword = "sslmode"; value = "require" }
                pairs.removeAll { $0.0 == keyword }
                pairs.append((keyword, value))
            }
        }
        return pairs
    }

    /// libpq's `keyword = value` syntax: values unquoted (a backslash
    /// escapes the next character) or in single quotes (with `\'` and `\\`).
    static func parseKeywordValue(_ text: String) throws(PostgresError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        let characters = Array(text.unicodeScalars)
        var index = 0
        func skipSpaces() { while index < characters.count, characters[index].properties.isWhitespace { index += 1 } }
        while true {
            skipSpaces()
            guard index < characters.count else { break }
            var keyword = String.UnicodeScalarView()
            while index < characters.count, !characters[index].properties.isWhitespace, characters[index] != "=" {
                keyword.append(characters[index])
                index += 1
            }
            skipSpaces()
            guard index < characters.count, characters[index] == "=" else {
                throw malformed("a keyword is not followed by '=' (quote values that contain spaces: password='a b')")
            }
            index += 1
            skipSpaces()
            var value = String.UnicodeScalarView()
            if index < characters.count, characters[index] == "'" {
                index += 1
                var closed = false
                while index < characters.count {
                    let character = characters[index]
                    index += 1
                    if character == "\\", index < characters.count {
                        value.append(characters[index])
                        index += 1
                    } else if character == "'" {
                        closed = true
                        break
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { throw malformed("a quoted value has no closing quote") }
            } else {
                while index < characters.count, !characters[index].properties.isWhitespace {
                    if characters[index] == "\\", index + 1 < characters.count { index += 1 }
                    value.append(characters[index])
                    index += 1
                }
            }
            let name = String(keyword)
            pairs.removeAll { $0.0 == name }
            pairs.append((name, String(value)))
        }
        return pairs
    }

    /// Decodes `%XX` escapes into UTF-8; a `%` without two hex digits is kept.
    static func percentDecoded(_ text: Substring) throws(PostgresError) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        guard Array(decoded.utf8) == bytes else {
            throw malformed("a %-escape does not decode to UTF-8 text")
        }
        guard !decoded.unicodeScalars.contains("\0") else { throw malformed("a value holds a NUL character") }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Every keyword this libpq accepts.
    static let knownKeywords: Set<String> = {
        var keywords: Set<String> = []
        guard let defaults = PQconndefaults() else { return ["host", "hostaddr", "port", "user", "password", "dbname"] }
        defer { PQconninfoFree(defaults) }
        var index = 0
        while let keyword = defaults[index].keyword {
            keywords.insert(String(cString: keyword))
            index += 1
        }
        return keywords
    }()

    /// Replaces the password, as decoded and as written, in `message`: a
    /// second line of defence behind passing it to libpq apart from
    /// everything libpq may quote.
    static func scrub(_ message: String, password: String?, conninfo: String) -> String {
        var secrets: [String] = []
        if let password, !password.isEmpty { secrets.append(password) }
        if let password, let rest = urlRemainder(conninfo), let at = rest.lastIndex(of: "@"),
           let colon = rest[..<at].firstIndex(of: ":") {
            let raw = String(rest[rest.index(after: colon)..<at])
            if !raw.isEmpty, raw != password { secrets.append(raw) }
        }
        var result = message
        for secret in secrets.sorted(by: { $0.count > $1.count }) {
            result = result.replacing(secret, with: redaction)
        }
        return result
    }
}
