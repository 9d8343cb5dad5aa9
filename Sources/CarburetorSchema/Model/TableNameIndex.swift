import Dispatch

/// Positions of a schema's tables by declared name (the first table of
/// each name), for `Schema.table(named:)`.
///
/// It is derived from the tables, which `Schema` compares and hashes
/// already, so it takes no part in equality or hashing itself.
package struct TableNameIndex: Hashable, Sendable {
    private var positions: [String: Int]

    /// The index the resolver built as tables claimed their names.
    package init(positions: [String: Int]) {
        self.positions = positions
    }

    init(_ tables: [Table]) {
        Self.buildCounter?.increment()
        positions = [:]
        positions.reserveCapacity(tables.count)
        for (position, table) in tables.enumerated() where positions[table.name] == nil {
            positions[table.name] = position
        }
    }

    func position(of name: String) -> Int? {
        positions[name]
    }

    package static func == (lhs: TableNameIndex, rhs: TableNameIndex) -> Bool { true }

    package func hash(into hasher: inout Hasher) {}
}

extension TableNameIndex {
    /// Counts the indexes built from tables while it is bound (tests bind it
    /// with `$buildCounter.withValue`): a task-local, so tests running at the
    /// same time never count each other's work.
    @TaskLocal static var buildCounter: BuildCounter?

    final class BuildCounter: @unchecked Sendable {
        /// Guards `count`.
        private let lock = DispatchSemaphore(value: 1)
        private var value = 0

        init() {}

        var count: Int {
            lock.wait()
            defer { lock.signal() }
            return value
        }

        func increment() {
            lock.wait()
            value += 1
            lock.signal()
        }
    }
}

/// A `Schema`'s table index, built on the first lookup after the tables
/// change, at most once per change however many lookups follow. Copies of a
/// schema share it until one of them changes its tables (which gives that
/// copy a new, empty one). Derived from the tables, so it takes no part in
/// equality or hashing.
struct LazyTableNameIndex: Hashable, Sendable {
    private var storage: Storage

    init() {
        storage = Storage(built: nil)
    }

    init(built index: TableNameIndex) {
        storage = Storage(built: index)
    }

    /// Forgets the index after the tables changed: O(1), and without an
    /// allocation when no copy of the schema shares it.
    mutating func invalidate() {
        if isKnownUniquelyReferenced(&storage) {
            storage.reset()
        } else {
            storage = Storage(built: nil)
        }
    }

    /// The index of `tables`, which must be the tables it was made for.
    func index(of tables: [Table]) -> TableNameIndex {
        storage.index(of: tables)
    }

    static func == (lhs: LazyTableNameIndex, rhs: LazyTableNameIndex) -> Bool { true }

    package func hash(into hasher: inout Hasher) {}

    private final class Storage: @unchecked Sendable {
        /// Guards `built`. A Dispatch semaphore rather than `Mutex`, which
        /// needs macOS 15 (the package supports macOS 14).
        private let lock = DispatchSemaphore(value: 1)
        private var built: TableNameIndex?

        init(built: TableNameIndex?) {
            self.built = built
        }

        func reset() {
            lock.wait()
            built = nil
            lock.signal()
        }

        func index(of tables: [Table]) -> TableNameIndex {
            lock.wait()
            defer { lock.signal() }
            if let built { return built }
            let index = TableNameIndex(tables)
            built = index
            return index
        }
    }
}
