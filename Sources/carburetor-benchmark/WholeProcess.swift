#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

// `check`'s front end as a whole process, the figure a user waits for:
// start, read the file, compile, exit. Each run is a fresh child process
// (`--peak-of check --file F`), so its wall time includes starting and
// tearing down, and its peak resident memory is its own.
//
// `--baseline` names another build of this benchmark, typically from an
// earlier commit, run the same way on the same file in alternation, so the
// two sets of figures share the machine's mood.

/// Wall seconds and peak resident bytes of one child process.
func runChild(_ executable: String, _ arguments: [String]) -> (wall: Double, peak: Int)? {
    var pid: pid_t = 0
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let clock = ContinuousClock()
    let start = clock.now
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid, status == 0 else { return nil }
    let elapsed = clock.now - start
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    #if canImport(Darwin)
    return (wall, Int(usage.ru_maxrss))
    #else
    return (wall, Int(usage.ru_maxrss) * 1024)
    #endif
}

func compareWholeProcesses(runs: Int, scales: [Int], baseline: String?, includeNotes: Bool) -> Int32 {
    withScratchDirectory { directory in
        compareWholeProcesses(runs: runs, scales: scales, baseline: baseline, includeNotes: includeNotes, in: directory)
    }
}

func compareWholeProcesses(runs: Int, scales: [Int], baseline: String?, includeNotes: Bool, in directory: URL) -> Int32 {
    let current = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    var builds = [("this build", current)]
    if let baseline { builds.append(("baseline", URL(fileURLWithPath: baseline).standardizedFileURL.path)) }

    print("carburetor-benchmark --whole-process: `check`'s front end as a process (start, read, compile, exit),")
    print("median wall time of \(runs) runs, builds alternating; peak = the median run's peak resident memory.")
    print("Floor: ≥ 40 MB/s; peak ≤ 5× input + 40 MB.")
    print("")
    print("scale  input     build        wall      MB/s    peak RSS   floor: peak ≤")
    for scale in scales {
        guard let (path, bytes) = writeConfig(scale: scale, in: directory) else { return 1 }
        let arguments = ["--peak-of", "check", "--file", path] + (includeNotes ? ["--verbose"] : [])
        var samples = Array(repeating: [(wall: Double, peak: Int)](), count: builds.count)
        for _ in 0..<runs {
            for (index, build) in builds.enumerated() {
                guard let sample = runChild(build.1, arguments) else {
                    print("\(build.1) failed on \(path)")
                    return 1
                }
                samples[index].append(sample)
            }
        }
        for (index, build) in builds.enumerated() {
            let sorted = samples[index].sorted { $0.wall < $1.wall }
            let median = sorted[sorted.count / 2]
            print(String(format: "%3d×   %-8@  %-11@  %6.3f s  %6.1f  %-9@  %@",
                         scale, megabytes(bytes), build.0, median.wall, Double(bytes) / 1e6 / median.wall,
                         megabytes(median.peak), megabytes(5 * bytes + 40_000_000)))
        }
    }
    return 0
}
