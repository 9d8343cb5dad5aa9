import CarburetorSchema

/// Storage, reused from table to table, in which values are gathered one by
/// one and then moved (not copied) into an array of exactly their number.
///
/// Appending to a fresh array would reallocate it as it grows and leave it up
/// to half empty; copying out of a reused array would copy every value and
/// then destroy the originals.
final class GatherBuffer<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private var count = 0

    init(capacity: Int = 16) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// The values gathered since the last call, in order; the buffer is left empty.
    func takeAll() -> [Element] {
        guard count > 0 else { return [] }
        // Reserved and appended rather than `Array(unsafeUninitializedCapacity:)`,
        // which looks up the array's storage type at run time on each call.
        var taken: [Element] = []
        taken.reserveCapacity(count)
        for offset in 0..<count { taken.append((storage + offset).move()) }
        count = 0
        return taken
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
