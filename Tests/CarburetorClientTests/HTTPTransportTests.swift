import CarburetorClient
import Foundation
import GRDB
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 (one request per connection) that
/// hands `POST /<group>/<step>` bodies to an `InMemoryServer`: enough to run
/// `HTTPSyncTransport` over a real socket and URLSession.
final class LoopbackHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let socketDescriptor: Int32
    private let server: InMemoryServer
    private let requestLog = NSLock()
    private(set) var requests: [String] = []

    init(server: InMemoryServer) throws {
        self.server = server
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 16) == 0 else { throw NSError(domain: "LoopbackHTTPServer", code: 1) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socketDescriptor = descriptor
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    func stop() {
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
        close(socketDescriptor)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(socketDescriptor, nil, nil)
            guard connection >= 0 else { return }
            handle(connection)
        }
    }

    private func handle(_ connection: Int32) {
        defer { close(connection) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Range<Data.Index>?
        var contentLength = 0
        while true {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return }
            received.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let end = received.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let headerEnd, received.count - headerEnd.upperBound >= contentLength { break }
        }
        let head = String(decoding: received[..<headerEnd!.lowerBound], as: UTF8.self)
        let path = head.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        let body = received[headerEnd!.upperBound...]
        requestLog.withLock { requests.append(path) }
        let answer = Self.blocking { [server] in
            path.hasSuffix("/upload") ? try await server.upload(group: "mobile", body: Data(body))
                : try await server.download(group: "mobile", body: Data(body))
        }
        let status = answer == nil ? "500 Internal Server Error" : "200 OK"
        let payload = answer ?? Data("server failed".utf8)
        var response = Data("HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(payload.count)\r\nConnection: close\r\n\r\n".utf8)
        response.append(payload)
        response.withUnsafeBytes { _ = write(connection, $0.baseAddress, $0.count) }
    }

    private static func blocking(_ work: @escaping @Sendable () async throws -> Data) -> Data? {
        let semaphore = DispatchSemaphore(value: 0)
        let result = ResultBox()
        Task {
            result.value = try? await work()
            semaphore.signal()
        }
        semaphore.wait()
        return result.value
    }

    private final class ResultBox: @unchecked Sendable { var value: Data? }
}

final class HTTPTransportTests: XCTestCase {
    func testTwoDevicesSyncOverHTTPAndAConflictResolvesTheSameWayOnBoth() async throws {
        let server = InMemoryServer(table: "phone_books", singular: "phone_book", requiredColumns: ["name"],
                                    defaults: ["note": .null, "is_deleted": false])
        let http = try LoopbackHTTPServer(server: server)
        defer { http.stop() }
        let transport = HTTPSyncTransport(baseURL: URL(string: "http://127.0.0.1:\(http.port)/sync")!,
                                          headers: ["Authorization": "Bearer alice"])
        let table = PhoneBookFixture.phoneBooks
        let group = PhoneBookFixture.group
        let wall = ManualClock(microseconds: 1_733_130_000_000_000)
        let phone = try SyncStore(writer: DatabaseQueue(), node: "phone", tables: [table], wallClock: wall.read)
        let tablet = try SyncStore(writer: DatabaseQueue(), node: "tablet", tables: [table], wallClock: wall.read)

        _ = try await phone.writer.write { db in
            try phone.insert(db, into: table, values: ["id": "p1".databaseValue, "name": "Carol".databaseValue])
        }
        _ = try await phone.sync(group, transport: transport)
        _ = try await tablet.sync(group, transport: transport)
        // Both edit the note offline; the tablet's edit is later.
        wall.set(microseconds: 1_733_130_010_000_000)
        _ = try await phone.writer.write { db in try phone.update(db, in: table, id: "p1", set: ["note": "phone".databaseValue]) }
        wall.set(microseconds: 1_733_130_020_000_000)
        _ = try await tablet.writer.write { db in try tablet.update(db, in: table, id: "p1", set: ["note": "tablet".databaseValue]) }
        // The later edit uploads first; the earlier one loses on arrival and the answer says so.
        _ = try await tablet.sync(group, transport: transport)
        let report = try await phone.sync(group, transport: transport)
        XCTAssertEqual(report.acceptedRows, 1)
        _ = try await tablet.sync(group, transport: transport)
        for device in [phone, tablet] {
            let note = try await device.writer.read { db in try String.fetchOne(db, sql: "SELECT note FROM phone_books WHERE id = 'p1'") }
            XCTAssertEqual(note, "tablet", device.node)
            let pending = try await device.writer.read { db in try device.pendingRowCount(db) }
            XCTAssertEqual(pending, 0)
        }
        XCTAssertTrue(http.requests.allSatisfy { $0 == "/sync/mobile/upload" || $0 == "/sync/mobile/download" }, "\(http.requests)")
    }

    func testAnUnreachableServerAppliesNothing() async throws {
        let transport = HTTPSyncTransport(baseURL: URL(string: "http://127.0.0.1:9/none")!)
        let store = try SyncStore(writer: DatabaseQueue(), node: "phone", tables: [PhoneBookFixture.phoneBooks])
        do {
            _ = try await store.sync(PhoneBookFixture.group, transport: transport)
            XCTFail("expected a connection error")
        } catch {
            let offset = try await store.writer.read { db in try store.downloadOffset(db, group: "mobile", table: "phone_books") }
            XCTAssertNil(offset.cutoffAt)
        }
    }
}
