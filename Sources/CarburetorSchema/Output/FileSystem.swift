#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the output writer needs, with errors as `OutputError`.
/// POSIX rather than Foundation because atomic replacement needs `fsync`
/// before `rename`, and Foundation does not promise that.
enum FileSystem {
    static func errorMessage(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// The file's bytes, or `nil` when it does not exist.
    static func readIfExists(_ path: String) throws(OutputError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .io(path: path, reason: errorMessage())
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: errorMessage())
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// `mkdir -p`.
    static func createDirectories(_ path: String) throws(OutputError) {
        guard !path.isEmpty, !isDirectory(path) else { return }
        try createDirectories(OutputPath.parent(of: path))
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw .io(path: path, reason: errorMessage())
        }
        guard isDirectory(path) else { throw .io(path: path, reason: "exists and is not a directory") }
    }

    /// The permission bits of an existing file, or `nil`.
    static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Creates a new file (never an existing one), writes all bytes and
    /// flushes them to the disk before returning. `permissions` replaces the
    /// default 0644 (less the umask), so a replaced file keeps its mode.
    static func writeNewFileDurably(_ path: String, bytes: [UInt8], permissions: mode_t? = nil) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, reason: errorMessage()) }
        var failure: OutputError?
        if let permissions, fchmod(descriptor, permissions) != 0 {
            failure = .io(path: path, reason: errorMessage())
        }
        var written = 0
        while failure == nil, written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno != EINTR { failure = .io(path: path, reason: errorMessage()) }
            } else {
                written += count
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = .io(path: path, reason: errorMessage()) }
        if close(descriptor) != 0, failure == nil { failure = .io(path: path, reason: errorMessage()) }
        if let failure {
            unlink(path)
            throw failure
        }
    }

    static func rename(_ source: String, to destination: String) throws(OutputError) {
        #if canImport(Glibc)
        let result = Glibc.rename(source, destination)
        #elseif canImport(Musl)
        let result = Musl.rename(source, destination)
        #else
        let result = Darwin.rename(source, destination)
        #endif
        if result != 0 { throw .io(path: destination, reason: errorMessage()) }
    }

    static func remove(_ path: String) {
        unlink(path)
    }

    /// Makes a directory's entries (a rename) durable.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path.isEmpty ? "." : path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static var processID: Int32 { getpid() }
}
