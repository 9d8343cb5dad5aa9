import Dispatch

/// Whether the front end parses on a thread of its own while the calling
/// thread resolves the tables and groups already parsed.
///
/// Parsing and resolving cost about the same, so on a large config the
/// second thread takes about a third off the wait (see `Performance.md`).
/// The result is the same either way: the resolver sees the same items in
/// the same order, and the diagnostics are merged in the same order.
@_spi(Benchmarking) public enum FrontendThreading: Sendable {
    /// The parser thread for inputs large enough to repay starting it.
    case automatic
    case singleThread
    /// The parser thread whatever the size (tests use it on small inputs).
    case parserThread

    /// Below this many bytes (a few milliseconds of parsing) a second thread
    /// costs more than it saves.
    static let parserThreadThreshold = 256 * 1024

    func usesParserThread(for file: SourceFile) -> Bool {
        switch self {
        case .automatic: file.utf8.count >= FrontendThreading.parserThreadThreshold
        case .singleThread: false
        case .parserThread: true
        }
    }
}

extension Frontend {
    /// Tables are handed over in batches, so the threads meet once per
    /// batch, not once per table. A group ends its batch: resolving it
    /// then overlaps with parsing the next.
    static let tablesPerBatch = 256
    /// How many batches the parser may run ahead: a bound on the syntax held
    /// at once, whatever the size of the config.
    static let batchesInFlight = 4

    private enum ParserOutput: Sendable {
        case items([StreamedItem])
        case finished(rest: ConfigSyntax, diagnostics: DiagnosticCollector)
    }

    /// Parses `file` on a new thread and calls `resolve` here, on the calling
    /// thread, with each table and group in source order; returns what the
    /// parser returns once it is done. `nil` (before any work) if no thread
    /// could be started.
    static func parseOnParserThread(_ file: SourceFile, keepsNotes: Bool,
                                    resolving resolve: (StreamedItem) -> Void)
        -> (rest: ConfigSyntax, diagnostics: DiagnosticCollector)? {
        let handoff = Handoff<ParserOutput>(capacity: batchesInFlight)
        let resolved = ResolvedBatches()
        let started = JoinableThread.start {
            var diagnostics = DiagnosticCollector(keepsNotes: keepsNotes)
            var batch: [StreamedItem] = []
            batch.reserveCapacity(tablesPerBatch)
            let rest = Parser.parse(file, diagnostics: &diagnostics) { item in
                batch.append(item)
                if case .table = item, batch.count < tablesPerBatch { return }
                handoff.send(.items(batch))
                batch = []
                batch.reserveCapacity(tablesPerBatch)
                resolved.freeAll()
            }
            if !batch.isEmpty { handoff.send(.items(batch)) }
            handoff.send(.finished(rest: rest, diagnostics: diagnostics))
        }
        guard let parserThread = started else { return nil }
        defer { parserThread.join() }
        while true {
            switch handoff.receive() {
            case .items(let items):
                for item in items { resolve(item) }
                resolved.add(consume items)  // the last reference: the parser thread frees it
            case .finished(let rest, let diagnostics):
                return (rest, diagnostics)
            }
        }
    }
}

/// Batches the resolver is done with, freed by the parser thread that
/// allocated them: freeing another thread's allocations contends for its
/// allocator's lock.
final class ResolvedBatches: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var batches: [[StreamedItem]] = []

    func add(_ batch: [StreamedItem]) {
        lock.wait()
        batches.append(batch)
        lock.signal()
    }

    func freeAll() {
        lock.wait()
        let done = batches
        batches = []
        lock.signal()
        _ = done
    }
}
