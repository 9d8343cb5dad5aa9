/// How a command exits: the one set of exit codes every command uses,
/// documented in `Documentation/CLI.md`.
public struct ExitStatus: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public init(integerLiteral value: Int32) {
        self.rawValue = value
    }

    /// No errors (warnings allowed), or everything up to date.
    public static let success: ExitStatus = 0
    /// Errors in a config, an unreadable file, a missing backend, a failed
    /// migration, or `fmt --check` found changes.
    public static let failure: ExitStatus = 1
    /// `--out DIR --check`: generated files are missing or differ.
    public static let outOfDate: ExitStatus = 2
    /// `migrate check`: changes no migration captures; `migrate diff`: drift found.
    public static let changesFound: ExitStatus = 2

    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
