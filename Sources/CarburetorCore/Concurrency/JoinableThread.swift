#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A thread of its own, joined by its owner.
///
/// Not a Dispatch or Swift-concurrency pool thread: the front end blocks
/// while it waits for the thread's work, and a caller already running on
/// such a pool (a test, a server) could otherwise wait for work that the
/// pool never gets a free thread to start.
struct JoinableThread {
    private let handle: pthread_t

    /// The stack of the new thread: the main thread's usual size. The
    /// parser's recursion is bounded, but a secondary thread gets only
    /// 512 KiB by default on macOS.
    static let stackSize = 8 << 20

    /// Starts `body` on a new thread; `nil` if the system refuses one (the
    /// caller then does the work itself).
    static func start(_ body: @escaping @Sendable () -> Void) -> JoinableThread? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return nil }
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        #if canImport(Darwin)
        var handle: pthread_t?
        let status = pthread_create(&handle, &attributes, { ThreadBody.run($0) }, context)
        #else
        var handle = pthread_t()
        let status = pthread_create(&handle, &attributes, { ThreadBody.run($0) }, context)
        #endif
        guard status == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return nil
        }
        #if canImport(Darwin)
        return handle.map(JoinableThread.init(handle:))
        #else
        return JoinableThread(handle: handle)
        #endif
    }

    /// Waits until the thread's body has returned.
    func join() {
        pthread_join(handle, nil)
    }
}

/// The closure a new thread runs, passed through `pthread_create`'s context pointer.
private final class ThreadBody {
    let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    static func run(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let context else { return nil }
        Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }
}
