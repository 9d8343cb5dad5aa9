import Foundation
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// What commands read from the outside world besides named files. Tests
/// supply their own standard input.
public struct CommandEnvironment: Sendable {
    /// The display name given to standard input in diagnostics.
    public static let standardInputName = "<stdin>"

    public var readStandardInput: @Sendable () -> [UInt8]
    /// Whether text diagnostics get ANSI colours.
    public var useColor: Bool

    public init(readStandardInput: @escaping @Sendable () -> [UInt8], useColor: Bool = false) {
        self.readStandardInput = readStandardInput
        self.useColor = useColor
    }

    /// The real process: standard input as given.
    public static func process(useColor: Bool) -> CommandEnvironment {
        CommandEnvironment(
            readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            useColor: useColor
        )
    }
}

/// Why an input could not be read.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "cannot read '\(path)': \(reason)" }
}

/// Reads the files named on the command line; `-` is standard input.
enum InputReader {
    static func read(_ argument: String, environment: CommandEnvironment) -> Result<SourceFile, InputError> {
        if argument == "-" {
            return .success(SourceFile(name: CommandEnvironment.standardInputName,
                                       bytes: environment.readStandardInput()))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            return .failure(InputError(path: argument, reason: "no such file"))
        }
        guard !isDirectory.boolValue else {
            return .failure(InputError(path: argument, reason: "it is a directory"))
        }
        guard let data = FileManager.default.contents(atPath: argument) else {
            return .failure(InputError(path: argument, reason: "permission denied or unreadable"))
        }
        return .success(SourceFile(name: displayName(of: argument), bytes: Array(data)))
    }

    /// The path as given, made relative when it is an absolute path under
    /// the current directory: diagnostics stay short, and generated headers
    /// name the config the same way on every machine.
    static func displayName(of path: String,
                            currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        guard path.hasPrefix("/"), currentDirectory.hasPrefix("/") else { return path }
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        var base = URL(fileURLWithPath: currentDirectory).standardizedFileURL.path
        if !base.hasSuffix("/") { base += "/" }
        guard standardized.hasPrefix(base), standardized.count > base.count else { return path }
        return String(standardized.dropFirst(base.count))
    }
}
