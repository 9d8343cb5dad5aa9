import ArgumentParser
import CarburetorLanguageServer
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct LanguageServerSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol over standard input and output.",
        discussion: """
            For editors: diagnostics as you type (the same as 'check'), hover, go to definition, \
            references, rename, completion, formatting, document symbols, quick fixes and semantic \
            tokens for .carb files. Logs go to standard error. See Documentation/Editors.md.
            """
    )

    func run() throws {
        // A client that goes away mid-write must not kill the server with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(
            input: FileHandleStream(FileHandle.standardInput),
            output: FileHandleStream(FileHandle.standardOutput),
            log: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
        let status = server.run()
        throw ExitCode(status.rawValue)
    }
}
