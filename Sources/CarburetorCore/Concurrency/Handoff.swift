import Dispatch

/// A bounded queue from one producing thread to one consuming thread.
///
/// `send` blocks while `capacity` values wait, so a producer that runs ahead
/// holds at most that many in memory; `receive` blocks until a value comes.
/// Dispatch semaphores rather than `Mutex`, which needs macOS 15.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    /// Guards `waiting`.
    private let lock = DispatchSemaphore(value: 1)
    private let filledSlots = DispatchSemaphore(value: 0)
    private let freeSlots: DispatchSemaphore
    private var waiting: [Value] = []
    /// Index of the next value to receive; the consumed front of `waiting`
    /// is dropped once it is half the array, so receiving is O(1) amortised.
    private var head = 0

    init(capacity: Int) {
        precondition(capacity > 0, "a handoff needs room for at least one value")
        freeSlots = DispatchSemaphore(value: capacity)
    }

    func send(_ value: Value) {
        freeSlots.wait()
        lock.wait()
        waiting.append(value)
        lock.signal()
        filledSlots.signal()
    }

    func receive() -> Value {
        filledSlots.wait()
        lock.wait()
        let value = waiting[head]
        head += 1
        if head * 2 >= waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
        lock.signal()
        freeSlots.signal()
        return value
    }
}
