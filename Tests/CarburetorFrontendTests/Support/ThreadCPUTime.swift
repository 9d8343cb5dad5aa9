#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU seconds the calling thread has used so far. Time-bound tests measure
/// this instead of wall time: tests run in parallel and the machine may be
/// busy, which stretches wall time but not the work a thread does.
func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// Runs `body` and returns its result with the CPU seconds it took on this thread.
func measureThreadCPU<Result>(_ body: () -> Result) -> (result: Result, seconds: Double) {
    let start = threadCPUSeconds()
    let result = body()
    return (result, threadCPUSeconds() - start)
}
