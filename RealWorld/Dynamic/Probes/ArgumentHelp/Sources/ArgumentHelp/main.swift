import ArgumentParser

struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A capcheck run-time probe.")
    @Option(help: "A name.", completion: .custom { _, _, _ in ["alpha", "beta"] }) var name: String = "world"
    @Flag(help: "Shout.") var loud = false
    mutating func run() throws { print(loud ? "HELLO \(name.uppercased())" : "hello \(name)") }
}

// A parsed command run.
var command = try Probe.parse(["--name", "capcheck", "--loud"])
try command.run()
// The help screen, as wide as COLUMNS says (or the terminal).
print(Probe.helpMessage())
// A completion request, as a generated script makes it: the parser reads SAP_SHELL and SAP_SHELL_VERSION.
do { _ = try Probe.parseAsRoot(["---completion", "--", "--name", "1", "1", "--name", "a"]) } catch { print(Probe.fullMessage(for: error)) }
// An unknown option: its error message; then a completion script.
do { _ = try Probe.parseAsRoot(["--nope"]) } catch { print(Probe.message(for: error)) }
print(Probe.completionScript(for: .bash).count > 0)

