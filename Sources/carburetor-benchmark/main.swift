#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import CarburetorCore

// carburetor-benchmark: measures `check` (lexer, parser, resolver) on large
// generated configs.
//
//   carburetor-benchmark [--runs N] [--scales 1,2,4]   full report
//   carburetor-benchmark --generate FILE [--scale S]    write a config only
//   carburetor-benchmark --measure FILE [--runs N]      one measurement (used by the report)
//
// Each scale is measured in a fresh child process so that its peak resident
// memory (getrusage's maxrss) belongs to that input alone.

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// Peak resident set size of this process so far, in bytes.
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
    return Int(usage.ru_maxrss)        // bytes on Darwin
    #else
    return Int(usage.ru_maxrss) * 1024 // kilobytes on Linux
    #endif
}

func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_000_000)
}

/// Times the front end on one file; prints one tab-separated line the parent parses.
func measure(path: String, runs: Int) -> Int32 {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        return 1
    }
    let file = SourceFile(name: path, bytes: Array(data))
    let baseline = peakResidentBytes()
    var seconds: [Double] = []
    var diagnostics = 0
    var tables = 0
    for _ in 0..<runs {
        let clock = ContinuousClock()
        var result: CompilationResult?
        let elapsed = clock.measure { result = Frontend.compile(file) }
        diagnostics = result?.diagnostics.filter { $0.severity != .note }.count ?? 0
        tables = result?.syntax.blocks.reduce(0) { $0 + $1.tables.count } ?? 0
        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let median = seconds.sorted()[seconds.count / 2]
    let peak = peakResidentBytes()
    print("\(file.utf8.count)\t\(median)\t\(baseline)\t\(peak)\t\(tables)\t\(diagnostics)")
    return 0
}

func report(runs: Int, scales: [Int]) -> Int32 {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("carburetor-benchmark-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    print("Front end (lexer + parser + resolver), median of \(runs) runs per size")
    print("scale   input      tables   warnings+errors   median time   throughput   peak RSS   growth   growth/input")
    var firstRate: Double?
    for scale in scales {
        let path = directory.appendingPathComponent("scale-\(scale).carb").path
        let text = LargeConfigGenerator(scale: scale).generate()
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            print("cannot write \(path)")
            return 1
        }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        child.arguments = ["--measure", path, "--runs", String(runs)]
        let pipe = Pipe()
        child.standardOutput = pipe
        do { try child.run() } catch {
            print("cannot start \(CommandLine.arguments[0]): \(error)")
            return 1
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        let fields = output.split(whereSeparator: { $0 == "\t" || $0 == "\n" }).map(String.init)
        guard child.terminationStatus == 0, fields.count == 6,
              let bytes = Int(fields[0]), let median = Double(fields[1]),
              let baseline = Int(fields[2]), let peak = Int(fields[3]) else {
            print("scale \(scale): measurement failed: \(output)")
            return 1
        }
        let rate = Double(bytes) / 1_000_000 / median
        if firstRate == nil { firstRate = rate }
        let growth = peak - baseline
        print(
            String(format: "%4d×   %-9@  %7@   %15@   %9.3f s   %7.1f MB/s   %-9@  %-8@  %.2f×",
                   scale, megabytes(bytes), fields[4], fields[5], median, rate,
                   megabytes(peak), megabytes(growth), Double(growth) / Double(bytes))
        )
    }
    print("Targets: ≥ 100 MB/s, time linear in size (steady MB/s), peak memory ≤ 5× input + 40 MB.")
    return 0
}

let runs = Int(option("--runs") ?? "") ?? 5
if let path = option("--measure") {
    exit(measure(path: path, runs: runs))
} else if let path = option("--generate") {
    let scale = Int(option("--scale") ?? "") ?? 1
    let text = LargeConfigGenerator(scale: scale).generate()
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        print("cannot write \(path)")
        exit(1)
    }
    print("wrote \(path) (\(megabytes(text.utf8.count)))")
} else {
    let scales = (option("--scales") ?? "1,2,4").split(separator: ",").compactMap { Int($0) }
    exit(report(runs: runs, scales: scales))
}
