#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import CarburetorChecker
import CarburetorSchema
@_spi(Benchmarking) import CarburetorSyntax

// carburetor-benchmark: measures `check` (lexer, parser, resolver) on large
// generated configs.
//
//   carburetor-benchmark [--runs N] [--scales 1,2,4] [--verbose]   full report (--verbose: with notes)
//   carburetor-benchmark --generate FILE [--scale S]    write a config only
//   carburetor-benchmark --measure FILE [--runs N]      one measurement (used by the report)
//   carburetor-benchmark --layout                       sizes of the front end's values
//   carburetor-benchmark --peak-of lex|parse|check --file FILE   peak memory of one stage
//   carburetor-benchmark --whole-process [--baseline OTHER-BENCHMARK] [--runs N] [--scales 1,2,4]
//       `check`'s front end as a whole process (start, read, compile, exit), beside another
//       build of this benchmark (an earlier commit's) doing the same
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

/// Seconds of CPU time (user + system) this process has used. Less
/// sensitive than wall time to other programs sharing the machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Wall and CPU seconds of one call.
func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    let clock = ContinuousClock()
    let cpuBefore = cpuSeconds()
    let elapsed = clock.measure(body)
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (wall, cpuSeconds() - cpuBefore)
}

func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
}

/// One stage's median wall and CPU time over `runs` runs.
func measureStage(runs: Int, _ body: () -> Void) -> (wall: Double, cpu: Double) {
    let samples = (0..<runs).map { _ in timed(body) }
    return (median(samples.map(\.wall)), median(samples.map(\.cpu)))
}

/// Times the front end on one file; prints one tab-separated line the parent parses:
/// bytes, compile wall, compile cpu, lex cpu, parse cpu (lexing included),
/// baseline RSS, peak RSS, tables, warnings+errors.
func measure(path: String, runs: Int, includeNotes: Bool) -> Int32 {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        return 1
    }
    let bytes = Array(data)
    let file = SourceFile(name: path, bytes: bytes)
    let baseline = peakResidentBytes()
    var diagnostics = 0
    var tables = 0
    // One run first, alone, so the peak memory is what one `check` needs
    // (repeated runs add the allocator's fragmentation to the peak).
    do {
        let result = Frontend.compile(file, includeNotes: includeNotes)
        diagnostics = result.diagnostics.filter { $0.severity != .note }.count
        tables = result.schema?.tables.count ?? 0
    }
    let peak = peakResidentBytes()
    // Timed from the bytes read, as `check` gets them: the UTF-8 check of
    // `SourceFile` is part of the work.
    let compile = measureStage(runs: runs) {
        _ = Frontend.compile(SourceFile(name: path, bytes: bytes), includeNotes: includeNotes)
    }
    let lex = measureStage(runs: runs) {
        var collector = DiagnosticCollector()
        _ = Lexer.countTokens(in: file, diagnostics: &collector)
    }
    let parse = measureStage(runs: runs) {
        var collector = DiagnosticCollector()
        _ = Parser.parse(file, diagnostics: &collector)
    }
    print([String(file.utf8.count), String(compile.wall), String(compile.cpu), String(lex.cpu), String(parse.cpu),
           String(baseline), String(peak), String(tables), String(diagnostics)].joined(separator: "\t"))
    return 0
}

/// A scratch folder for the generated configs, removed when `body` returns.
func withScratchDirectory(_ body: (URL) -> Int32) -> Int32 {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("carburetor-benchmark-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return body(directory)
}

/// Writes the config of one scale into `directory`: its path and size, or
/// `nil` (reported) when it cannot be written.
func writeConfig(scale: Int, in directory: URL) -> (path: String, bytes: Int)? {
    let path = directory.appendingPathComponent("scale-\(scale).carb").path
    let text = LargeConfigGenerator(scale: scale).generate()
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        print("cannot write \(path)")
        return nil
    }
    return (path, text.utf8.count)
}

func report(runs: Int, scales: [Int], includeNotes: Bool) -> Int32 {
    withScratchDirectory { directory in report(runs: runs, scales: scales, includeNotes: includeNotes, in: directory) }
}

func report(runs: Int, scales: [Int], includeNotes: Bool, in directory: URL) -> Int32 {

    print("carburetor-benchmark: the check front end (lexer + parser + resolver), median of \(runs) runs per size,"
          + (includeNotes ? " notes included (check --verbose)." : " without notes (as check without --verbose)."))
    print("Throughput is input size / median time; 'cpu' columns are CPU seconds (steadier on a busy machine).")
    print("")
    print("scale  input     tables  diags  wall      cpu       MB/s wall  MB/s cpu  lex MB/s  parse MB/s  resolve MB/s  peak RSS   growth     growth/input  budget")
    for scale in scales {
        guard let path = writeConfig(scale: scale, in: directory)?.path else { return 1 }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        child.arguments = ["--measure", path, "--runs", String(runs)] + (includeNotes ? ["--verbose"] : [])
        let pipe = Pipe()
        child.standardOutput = pipe
        do { try child.run() } catch {
            print("cannot start \(CommandLine.arguments[0]): \(error)")
            return 1
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        let fields = output.split(whereSeparator: { $0 == "\t" || $0 == "\n" }).map(String.init)
        let numbers = fields.compactMap(Double.init)
        guard child.terminationStatus == 0, fields.count == 9, numbers.count == 9 else {
            print("scale \(scale): measurement failed: \(output)")
            return 1
        }
        let bytes = numbers[0], wall = numbers[1], cpu = numbers[2], lex = numbers[3], parse = numbers[4]
        let baseline = Int(numbers[5]), peak = Int(numbers[6])
        let megabytesIn = bytes / 1_000_000
        let growth = peak - baseline
        let resolve = max(cpu - parse, 1e-9)
        print(String(format: "%3d×   %-8@  %6@  %5@  %6.3f s  %6.3f s  %9.1f  %8.1f  %8.1f  %10.1f  %12.1f  %-9@  %-9@  %.1f×          %@",
                     scale, megabytes(Int(bytes)), fields[7], fields[8], wall, cpu,
                     megabytesIn / wall, megabytesIn / cpu, megabytesIn / lex, megabytesIn / parse,
                     megabytesIn / resolve, megabytes(peak), megabytes(growth), Double(growth) / bytes,
                     megabytes(5 * Int(bytes) + 40_000_000)))
    }
    print("")
    print("parse = lexing + parsing; resolve = the whole front end less parse (CPU).")
    print("Floor: ≥ 40 MB/s as a whole process (--whole-process), growth ≤ 5× input + 40 MB (budget).")
    return 0
}

let runs = Int(option("--runs") ?? "") ?? 5
/// Like `check`: notes only with `--verbose`.
let includeNotes = CommandLine.arguments.contains("--verbose")
if CommandLine.arguments.contains("--layout") {
    // The in-memory size of the front end's main values, for memory budgets.
    print("Token \(MemoryLayout<Token>.stride) B, Identifier \(MemoryLayout<Identifier>.stride) B, "
          + "ColumnSyntax \(MemoryLayout<ColumnSyntax>.stride) B, TableSyntax \(MemoryLayout<TableSyntax>.stride) B, "
          + "Column \(MemoryLayout<Column>.stride) B, Table \(MemoryLayout<Table>.stride) B, "
          + "Diagnostic \(MemoryLayout<Diagnostic>.stride) B")
} else if let stage = option("--peak-of"), let path = option("--file") {
    // Peak memory of one stage alone, to see which stage holds the memory.
    // Read as `check` reads it: the `Data` is gone before the front end runs.
    guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else { exit(1) }
    let file = SourceFile(name: path, bytes: bytes)
    let baseline = peakResidentBytes()
    var collector = DiagnosticCollector()
    switch stage {
    case "lex": _ = Lexer.countTokens(in: file, diagnostics: &collector)
    case "parse": _ = Parser.parse(file, diagnostics: &collector)
    default: _ = Frontend.compile(file, includeNotes: includeNotes)
    }
    print("\(stage): input \(megabytes(file.utf8.count)), peak growth \(megabytes(peakResidentBytes() - baseline))")
} else if CommandLine.arguments.contains("--whole-process") {
    let scales = (option("--scales") ?? "1,2,4").split(separator: ",").compactMap { Int($0) }
    exit(compareWholeProcesses(runs: runs, scales: scales, baseline: option("--baseline"), includeNotes: includeNotes))
} else if let path = option("--measure") {
    exit(measure(path: path, runs: runs, includeNotes: includeNotes))
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
    exit(report(runs: runs, scales: scales, includeNotes: includeNotes))
}
