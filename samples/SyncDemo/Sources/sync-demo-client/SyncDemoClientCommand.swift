import ArgumentParser
import CarburetorClient
import Foundation
import SyncDemoClientKit

/// `sync-demo-client`: a to-do list on a local SQLite file that syncs with `sync-demo-server`.
@main
struct SyncDemoClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-demo-client",
        abstract: "A to-do list in a local SQLite file that syncs with sync-demo-server.",
        discussion: """
            Every command works offline on the file given by --db; only `sync` talks to the server. \
            Items are shown with the first 8 characters of their id, and every command that takes an \
            id accepts any unambiguous start of one.
            """,
        subcommands: [Add.self, Edit.self, Delete.self, List.self, Sync.self])
}

/// The options every subcommand takes.
struct DeviceOptions: ParsableArguments {
    @Option(help: "The device's SQLite file (created on first use).")
    var db: String

    @Option(help: "The user this device signs in as (kept in the file).")
    var user: String

    @Option(help: "The device's clock node (default: chosen on first use and kept in the file).")
    var node: String?

    func open() throws -> TodoDevice {
        try reported { try TodoDevice(path: db, user: user, node: node) }
    }
}

/// A command that failed, said in one line (exit status 1, no usage text).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs `body`, turning any error into one line for the terminal (no stack trace).
func reported<Result>(_ body: () async throws -> Result) async throws -> Result {
    do {
        return try await body()
    } catch {
        throw failure(error)
    }
}

func reported<Result>(_ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch {
        throw failure(error)
    }
}

private func failure(_ error: any Error) -> any Error {
    if error is ValidationError || error is CommandFailure { return error }
    let nsError = error as NSError
    if nsError.domain == NSURLErrorDomain {
        let url = ((nsError.userInfo[NSURLErrorFailingURLErrorKey] as? URL)?.absoluteString).map { " \($0)" } ?? ""
        return CommandFailure(description: "cannot reach the server\(url): \(nsError.localizedDescription); "
            + "local data is unchanged, run sync again later")
    }
    return CommandFailure(description: String(describing: error))
}

/// The columns `add` and `edit` set.
struct TodoFields: ParsableArguments {
    @Option(help: "Free text; \"\" clears it.") var notes: String?
    @Option(help: "1 (highest) to 5.") var priority: Int32?
    @Option(help: "Minutes spent so far.") var spent: Int64?
    @Option(help: "true or false.") var done: Bool?
    @Option(help: "0 to 1.") var progress: Double?
    @Option(help: "A weight (a Float).") var weight: Float?
    @Option(help: "A date, YYYY-MM-DD; \"\" clears it.") var due: String?
    @Option(name: .customLong("remind-at"), help: "An RFC 3339 instant (2026-12-24T09:00:00Z); \"\" clears it.")
    var remindAt: String?

    func validate() throws {
        if let priority, !(1...5).contains(priority) { throw ValidationError("--priority must be 1–5, got \(priority)") }
        if let progress, !(0...1).contains(progress) { throw ValidationError("--progress must be 0–1, got \(progress)") }
        if let spent, spent < 0 { throw ValidationError("--spent must not be negative, got \(spent)") }
        if let weight, !weight.isFinite { throw ValidationError("--weight must be a number") }
        _ = try parsedDue()
        _ = try parsedRemindAt()
    }

    func parsedDue() throws -> CalendarDate?? {
        guard let due else { return .none }
        if due.isEmpty { return .some(nil) }
        guard let date = CalendarDate(due) else {
            throw ValidationError("--due must be a date like 2026-12-24, got \"\(due)\"")
        }
        return .some(date)
    }

    func parsedRemindAt() throws -> Date?? {
        guard let remindAt else { return .none }
        if remindAt.isEmpty { return .some(nil) }
        guard let date = RFC3339.date(from: remindAt) else {
            throw ValidationError("--remind-at must be an RFC 3339 instant like 2026-12-24T09:00:00Z, got \"\(remindAt)\"")
        }
        return .some(date)
    }

    func apply(to todo: inout Todo) throws {
        if let notes { todo.notes = notes.isEmpty ? nil : notes }
        if let priority { todo.priority = priority }
        if let spent { todo.spentMinutes = spent }
        if let done { todo.done = done }
        if let progress { todo.progress = progress }
        if let weight { todo.weight = weight }
        if case .some(let due) = try parsedDue() { todo.dueOn = due }
        if case .some(let remindAt) = try parsedRemindAt() { todo.remindAt = remindAt }
    }
}

extension SyncDemoClientCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Adds an item.")
        @OptionGroup var device: DeviceOptions
        @Argument(help: "The item's title.") var title: String
        @OptionGroup var fields: TodoFields

        func validate() throws {
            if title.isEmpty { throw ValidationError("the title must not be empty") }
        }

        func run() async throws {
            let device = try device.open()
            var todo = device.newTodo(title: title)
            try fields.apply(to: &todo)
            _ = try reported { try device.add(todo) }
            print("added \(Listing.line(todo, unsent: true))")
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Edits an item; only the given fields change.")
        @OptionGroup var device: DeviceOptions
        @Argument(help: "The item's id, or the start of it.") var id: String
        @Option(help: "A new title.") var title: String?
        @OptionGroup var fields: TodoFields

        func validate() throws {
            if title?.isEmpty == true { throw ValidationError("the title must not be empty") }
        }

        func run() async throws {
            let device = try device.open()
            let todo = try reported {
                try device.edit(id) { todo in
                    if let title { todo.title = title }
                    try fields.apply(to: &todo)
                }
            }
            print("edited \(Listing.line(todo, unsent: try reported { try device.unsentIDs() }.contains(todo.id)))")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deletes an item (a soft delete that syncs).")
        @OptionGroup var device: DeviceOptions
        @Argument(help: "The item's id, or the start of it.") var id: String

        func run() async throws {
            let device = try device.open()
            let todo = try reported { try device.delete(id) }
            print("deleted \(Listing.shortID(todo.id)) \(todo.title)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lists the items; * marks edits not yet accepted by the server.")
        @OptionGroup var device: DeviceOptions
        @Flag(help: "Also list deleted items.") var all = false
        @Flag(help: "Print full ids.") var long = false

        func run() async throws {
            let device = try device.open()
            let (todos, unsent) = try reported { (try device.list(includeDeleted: all), try device.unsentIDs()) }
            if todos.isEmpty { print("(no items)") }
            for todo in todos { print(Listing.line(todo, unsent: unsent.contains(todo.id), longID: long)) }
        }
    }

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Uploads unsent edits, then downloads until caught up.")
        @OptionGroup var device: DeviceOptions
        @Option(help: "The server's base URL.") var server = "http://127.0.0.1:8080"

        func validate() throws {
            guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
            else { throw ValidationError("--server must be an http(s) URL like http://127.0.0.1:8080, got \"\(server)\"") }
        }

        func run() async throws {
            let device = try device.open()
            let report = try await reported { try await device.sync(transport: device.transport(server: URL(string: server)!)) }
            print("uploaded \(report.uploadedRows) (accepted \(report.acceptedRows), refused \(report.rejected.count)), "
                + "downloaded \(report.downloadedRows) in \(report.downloadPages) page(s)"
                + (report.keptLocalEdits > 0 ? ", kept \(report.keptLocalEdits) newer local edit(s)" : ""))
            for rejection in report.rejected { print("refused: \(rejection)") }
        }
    }
}

/// How an item is printed.
enum Listing {
    static func shortID(_ id: String) -> String { String(id.prefix(8)) }

    static func line(_ todo: Todo, unsent: Bool, longID: Bool = false) -> String {
        var parts = ["\(longID ? todo.id : shortID(todo.id))\(unsent ? "*" : " ")",
                     todo.isDeleted ? "[deleted]" : (todo.done ? "[x]" : "[ ]"),
                     todo.title,
                     "(p\(todo.priority), \(Int((todo.progress * 100).rounded()))%, \(todo.spentMinutes) min, weight \(todo.weight)"]
        if let due = todo.dueOn { parts[3] += ", due \(due.description)" }
        if let remindAt = todo.remindAt { parts[3] += ", remind \(RFC3339.string(from: remindAt))" }
        parts[3] += ")"
        if let notes = todo.notes { parts.append("— \(notes)") }
        return parts.joined(separator: " ")
    }
}
