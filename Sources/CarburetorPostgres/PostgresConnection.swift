import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A NOTICE or WARNING the server sent while a statement ran
/// ("relation … already exists, skipping").
public struct PostgresNotice: Sendable, Hashable, CustomStringConvertible {
    /// `NOTICE`, `WARNING`, `INFO`, …
    public var severity: String
    public var message: String
    public var detail: String?
    public var hint: String?

    public var description: String {
        var text = "\(severity): \(message)"
        if let detail { text += " (\(detail))" }
        if let hint { text += " HINT: \(hint)" }
        return text
    }
}

/// One libpq connection, closed when the value goes away.
///
/// Deliberately not `Sendable`: a libpq connection must not be used by two
/// threads at once. Create one per task (or per test).
public final class PostgresConnection {
    private let handle: OpaquePointer
    private let notices = NoticeBuffer()

    /// Connects with a URL (`postgres://user:pw@host:5432/db`,
    /// `postgresql://…`) or a key=value string (`host=/tmp dbname=x`).
    /// The string is parsed here (see `ConnectionString`) and handed to
    /// libpq as separate keywords, the password apart from everything libpq
    /// may quote in an error. Errors never contain any part of the password.
    public init(_ connectionString: String) throws(PostgresError) {
        let parameters = try ConnectionString.parameters(of: connectionString)
        let password = parameters.last { $0.keyword == "password" }?.value
        let keywords = parameters.map { strdup($0.keyword) } + [nil]
        let values = parameters.map { strdup($0.value) } + [nil]
        defer { for pointer in keywords + values { free(pointer) } }
        let connection: OpaquePointer? = keywords.withUnsafeBufferPointer { keywordBuffer in
            values.withUnsafeBufferPointer { valueBuffer in
                keywordBuffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: keywords.count) { k in
                    valueBuffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: values.count) { v in
                        PQconnectdbParams(k, v, 0)
                    }
                }
            }
        }
        guard let connection else {
            throw PostgresError(kind: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let raw = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            let message = ConnectionString.scrub(raw.trimmingTrailingNewlines(), password: password,
                                                 conninfo: connectionString)
            throw PostgresError(kind: .connection, message: message)
        }
        handle = connection
        // NOTICEs and WARNINGs are kept for `takeNotices()` instead of being
        // printed on standard error by libpq's default processor.
        PQsetNoticeReceiver(connection, { context, result in
            guard let context, let result else { return }
            func field(_ code: Character) -> String? {
                guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
                return String(cString: value)
            }
            let buffer = Unmanaged<NoticeBuffer>.fromOpaque(context).takeUnretainedValue()
            buffer.notices.append(PostgresNotice(severity: field("V") ?? field("S") ?? "NOTICE",
                                                 message: field("M") ?? "", detail: field("D"), hint: field("H")))
        }, Unmanaged.passUnretained(notices).toOpaque())
    }

    /// The NOTICEs and WARNINGs received since the last call, oldest first.
    public func takeNotices() -> [PostgresNotice] {
        defer { notices.notices = [] }
        return notices.notices
    }

    /// The process id of this session's backend (`pg_backend_pid()`).
    public var backendPID: Int { Int(PQbackendPID(handle)) }

    deinit {
        PQfinish(handle)
    }

    /// The server's version as an integer, e.g. 150018 for 15.18.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Where the session stands with respect to transactions.
    public enum TransactionState: Sendable, Hashable {
        /// No transaction open.
        case idle
        /// Inside a transaction block (after BEGIN).
        case inTransaction
        /// Inside a transaction block that failed: only ROLLBACK helps.
        case failed
        /// A command is running, or the connection is broken.
        case unknown
    }

    /// Whether a transaction is open: after a script with its own BEGIN
    /// fails, the block stays open and failed until the caller rolls back.
    public var transactionState: TransactionState {
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE: .idle
        case PQTRANS_INTRANS: .inTransaction
        case PQTRANS_INERROR: .failed
        default: .unknown
        }
    }

    /// Runs one or more statements separated by `;` with the simple query
    /// protocol (no parameters). Several statements run as one implicit
    /// transaction unless the text contains its own BEGIN/COMMIT. Returns the
    /// result of the last statement.
    @discardableResult
    public func execute(_ sql: String) throws(PostgresError) -> QueryResult {
        try consume(PQexec(handle, sql))
    }

    /// Like `execute(_:)`, but calls `whileWaiting` about every `interval`
    /// while the server has not answered yet (with the time waited so far),
    /// so a caller can look from another session at what the statement is
    /// waiting for.
    @discardableResult
    public func execute(_ sql: String, every interval: Duration,
                        whileWaiting: (Duration) -> Void) throws(PostgresError) -> QueryResult {
        guard PQsendQuery(handle, sql) == 1 else {
            throw PostgresError(kind: .query, message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines())
        }
        let clock = ContinuousClock()
        let start = clock.now
        var nextCall = start + interval
        let socket = PQsocket(handle)
        while PQisBusy(handle) == 1 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let remaining = max(nextCall - clock.now, .zero)
            let milliseconds = Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
            _ = poll(&descriptor, 1, max(milliseconds, 1))
            guard PQconsumeInput(handle) == 1 else { break }
            if clock.now >= nextCall {
                whileWaiting(clock.now - start)
                nextCall = clock.now + interval
            }
        }
        var last: QueryResult?
        var failure: PostgresError?
        while let result = PQgetResult(handle) {
            if failure != nil {
                PQclear(result)
                continue
            }
            do throws(PostgresError) { last = try consume(result) } catch { failure = error }
        }
        if let failure { throw failure }
        guard let last else {
            throw PostgresError(kind: .query, message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines())
        }
        return last
    }

    /// Runs one statement with `$1, $2…` parameters sent separately in text
    /// format (no SQL injection possible); `nil` is SQL NULL.
    @discardableResult
    public func query(_ sql: String, parameters: [String?] = []) throws(PostgresError) -> QueryResult {
        // libpq wants C strings that live until PQexecParams returns.
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { value in
            value.map { text in
                let bytes = text.utf8CString
                let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
                _ = UnsafeMutableBufferPointer(start: copy, count: bytes.count).initialize(from: bytes)
                return copy
            }
        }
        defer { for copy in copies { copy?.deallocate() } }
        let result = copies.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(copies.count, 1)) { values in
                PQexecParams(handle, sql, Int32(copies.count), nil,
                             copies.isEmpty ? nil : values, nil, nil, 0)
            }
        }
        return try consume(result)
    }

    /// Runs `body` inside BEGIN … COMMIT; rolls back when it throws.
    @discardableResult
    public func transaction<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        try execute("BEGIN")
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// Turns a libpq result into a value or an error, always freeing it.
    private func consume(_ result: OpaquePointer?) throws(PostgresError) -> QueryResult {
        guard let result else {
            throw PostgresError(kind: .query, message: String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines())
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return QueryResult(copying: result)
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            throw PostgresError(kind: .unsupported, message: "COPY is not supported by this wrapper")
        default:
            throw Self.error(from: result)
        }
    }

    private static func error(from result: OpaquePointer) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let primary = field("M") ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines()
        return PostgresError(kind: .query, sqlState: field("C"), message: primary,
                             detail: field("D"), hint: field("H"),
                             schemaName: field("s"), tableName: field("t"),
                             columnName: field("c"), constraintName: field("n"))
    }
}

@available(*, unavailable, message: "a libpq connection must not be shared between threads")
extension PostgresConnection: Sendable {}

/// Where the notice receiver (a C callback) puts what it receives; owned by
/// the connection, used on its thread only.
private final class NoticeBuffer {
    var notices: [PostgresNotice] = []
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
