import ArgumentParser
import CarburetorCore

@main
struct CarburetorCompile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carburetor-compile",
        abstract: "Compile a Carburetor sync config (.carb)."
    )

    func run() throws {}
}
