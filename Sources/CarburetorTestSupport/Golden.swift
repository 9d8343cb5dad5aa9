import Foundation

/// Golden files: output compared with committed files, for the tests of every
/// module. `CARBURETOR_UPDATE_GOLDENS=1 swift test` rewrites the files instead
/// of comparing; review the change with `git diff`.
///
/// The checks return a failure description (nil when all is well) rather
/// than recording an issue, so this library needs no test framework; a test
/// records it:
///
///     if let failure = try Golden.compare(output, with: url) { Issue.record(Comment(rawValue: failure)) }
public enum Golden {
    /// The environment variable that turns comparing into rewriting.
    public static let updateVariable = "CARBURETOR_UPDATE_GOLDENS"

    /// Whether golden files are rewritten instead of compared: the one place
    /// that reads `CARBURETOR_UPDATE_GOLDENS`.
    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment[updateVariable] == "1"
    }

    /// Compares `actual` with the file at `url`, or, when updating, writes it
    /// there (atomically, creating folders) and reports nothing.
    public static func compare(_ actual: String, with url: URL) throws -> String? {
        if isUpdating {
            try write(actual, to: url)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "missing golden file \(url.path); run with \(updateVariable)=1 and review the new file"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard let difference = difference(expected: expected, actual: actual) else { return nil }
        return "\(url.lastPathComponent) differs from the output (\(url.path));"
            + " review and run with \(updateVariable)=1\n" + difference
    }

    /// Compares several files, (path relative to `folder`, contents), in `folder`.
    public static func compare(_ files: [(String, String)], in folder: URL) throws -> [String] {
        try files.compactMap { path, contents in try compare(contents, with: folder.appendingPathComponent(path)) }
    }

    /// Writes `text` to `url` atomically, creating the folders on the way.
    public static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// The go printer tests' idempotence check: running `transform` on a
    /// golden (or on its own output) must give it back unchanged, e.g.
    /// `format(golden) == golden`. A nil result is a failure too.
    public static func idempotence(of golden: String, name: String,
                                   _ transform: (String) throws -> String?) rethrows -> String? {
        guard let again = try transform(golden) else { return "\(name): not idempotent, the second run gave no output" }
        guard let difference = difference(expected: golden, actual: again) else { return nil }
        return "\(name): not idempotent, the second run changed the text\n" + difference
    }

    // MARK: Cases

    /// The case names in `directory`, sorted: the entries (not hidden) that
    /// hold `file` when it is given, else every entry.
    public static func caseNames(in directory: URL, containing file: String? = nil,
                                 withExtension pathExtension: String? = nil) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { name in
            guard !name.hasPrefix(".") else { return false }
            if let pathExtension, (name as NSString).pathExtension != pathExtension { return false }
            guard let file else { return true }
            return FileManager.default.fileExists(atPath: directory.appendingPathComponent(name)
                .appendingPathComponent(file).path)
        }.sorted()
    }

    /// Fails when a golden test would run on fewer than `minimum` inputs
    /// (never fewer than one): a parameterized test over zero cases passes
    /// without checking anything, so a moved fixtures folder must fail.
    public static func requireCases<C: Collection>(_ cases: C, in location: String, atLeast minimum: Int = 1) -> String? {
        let minimum = max(minimum, 1)
        guard cases.count < minimum else { return nil }
        return "\(cases.count) golden case(s) in \(location), expected at least \(minimum); was the fixtures folder moved?"
    }

    public static func requireCases<C: Collection>(_ cases: C, in directory: URL, atLeast minimum: Int = 1) -> String? {
        requireCases(cases, in: directory.path, atLeast: minimum)
    }

    // MARK: Differences

    /// A short readable difference between two texts, nil when they are equal:
    /// the first differing line with its number, expected and actual, and a
    /// few lines of context around it.
    public static func difference(expected: String, actual: String, context: Int = 3) -> String? {
        guard expected != actual else { return nil }
        let old = lines(expected), new = lines(actual)
        var first = 0
        while first < old.count, first < new.count, old[first] == new[first] { first += 1 }
        // Where the texts agree again, from the end.
        var oldEnd = old.count, newEnd = new.count
        while oldEnd > first, newEnd > first, old[oldEnd - 1] == new[newEnd - 1] { oldEnd -= 1; newEnd -= 1 }

        var output = ["first difference at line \(first + 1) (expected \(old.count) lines, got \(new.count)):"]
        if first < old.count { output.append("  expected: \(shown(old[first]))") } else { output.append("  expected: <end of text>") }
        if first < new.count { output.append("  actual:   \(shown(new[first]))") } else { output.append("  actual:   <end of text>") }

        let limit = 12
        output.append("@@ line \(first + 1) @@")
        for index in max(0, first - context)..<first { output.append("  " + shown(old[index])) }
        let removed = old[first..<oldEnd], added = new[first..<newEnd]
        for line in removed.prefix(limit) { output.append("- " + shown(line)) }
        if removed.count > limit { output.append("- … \(removed.count - limit) more") }
        for line in added.prefix(limit) { output.append("+ " + shown(line)) }
        if added.count > limit { output.append("+ … \(added.count - limit) more") }
        for index in oldEnd..<min(old.count, oldEnd + context) { output.append("  " + shown(old[index])) }
        return output.joined(separator: "\n")
    }

    /// Lines split at "\n" on bytes ("\r\n" stays visible as a "\r"); a final
    /// line without a newline is marked, so a missing last newline shows.
    private static func lines(_ text: String) -> [String] {
        var result = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if result.last == "" { result.removeLast() } else if !result.isEmpty {
            result[result.count - 1] += " <no newline at end>"
        }
        return result
    }

    private static func shown(_ line: String) -> String {
        line.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
    }
}

/// A snapshot file that holds an input and what the code under test makes of
/// it, in one text file (as Gleam's and insta's snapshots do):
///
///     ----- carburetor snapshot: <kind> -----
///     ----- input.carb -----
///     <the config, byte for byte>
///     ----- diagnostics.txt -----
///     <the rendered output>
///
/// A section that does not end with a newline is followed by the line
/// `\ No newline at end of section`. A section's text may hold anything but
/// a line that looks like a section header.
public struct GoldenSnapshot: Equatable, Sendable {
    public var kind: String
    public var sections: [Section]

    public struct Section: Equatable, Sendable {
        public var name: String
        public var text: String
        public init(_ name: String, _ text: String) {
            self.name = name
            self.text = text
        }
    }

    public init(kind: String, sections: [Section]) {
        self.kind = kind
        self.sections = sections
    }

    static let prefix = "----- ", suffix = " -----", kindLabel = "carburetor snapshot: "
    static let noNewline = "\\ No newline at end of section"

    /// The text of the section called `name`.
    public subscript(name: String) -> String? { sections.first { $0.name == name }?.text }

    /// The file's text.
    public var rendered: String {
        var output = Self.prefix + Self.kindLabel + kind + Self.suffix + "\n"
        for section in sections {
            output += Self.prefix + section.name + Self.suffix + "\n" + section.text
            if !section.text.isEmpty && !section.text.hasSuffix("\n") { output += "\n" + Self.noNewline + "\n" }
        }
        return output
    }

    public enum ParseError: Error, CustomStringConvertible {
        case noHeader(String)
        case missingSection(String, String)
        public var description: String {
            switch self {
            case .noHeader(let file): "\(file): the first line is not '----- carburetor snapshot: <kind> -----'"
            case .missingSection(let file, let name): "\(file): no section '\(name)'"
            }
        }
    }

    /// Parses a snapshot's text (split on bytes, so "\r\n" in a section stays).
    public init(parsing text: String, file: String = "snapshot") throws {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        func header(_ line: String) -> String? {
            guard line.hasPrefix(Self.prefix), line.hasSuffix(Self.suffix),
                  line.count > Self.prefix.count + Self.suffix.count else { return nil }
            return String(line.dropFirst(Self.prefix.count).dropLast(Self.suffix.count))
        }
        guard let first = lines.first.flatMap(header), first.hasPrefix(Self.kindLabel) else {
            throw ParseError.noHeader(file)
        }
        kind = String(first.dropFirst(Self.kindLabel.count))
        sections = []
        var body: [String] = []
        func close() {
            guard !sections.isEmpty else { return }
            if body.last == Self.noNewline {
                body.removeLast()
                sections[sections.count - 1].text = body.joined(separator: "\n")
            } else {
                sections[sections.count - 1].text = body.map { $0 + "\n" }.joined()
            }
            body = []
        }
        for line in lines.dropFirst() {
            if let name = header(line) {
                close()
                sections.append(Section(name, ""))
            } else {
                body.append(line)
            }
        }
        close()
    }

    /// Reads the snapshot at `url`.
    public init(contentsOf url: URL) throws {
        try self.init(parsing: String(decoding: try Data(contentsOf: url), as: UTF8.self), file: url.lastPathComponent)
    }

    /// The text of the section called `name`, or an error naming the file.
    public func section(_ name: String, file: String = "snapshot") throws -> String {
        guard let text = self[name] else { throw ParseError.missingSection(file, name) }
        return text
    }
}
