import ArgumentParser
import CapCheckCore
import Foundation

/// `capcheck generate-catalog`: regenerates the Swift side of the sink catalog from the active toolchain's
/// symbol graphs and interfaces (see docs/catalog.md). For capcheck's maintainers; hidden from the main help.
struct GenerateCatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-catalog",
        abstract: "Regenerate the catalog's stdlib, foundation and dispatch JSON from the active toolchain.",
        shouldDisplay: false)

    @Option(help: "The folder to write the JSON files to (Sources/CapCheckCatalog/Resources).")
    var output: String

    func run() throws {
        try runReportingErrors {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue else {
                throw CapCheckError(.usage, "--output \(output) is not an existing folder; pass Sources/CapCheckCatalog/Resources")
            }
            let generation = try CatalogGenerator(toolchain: try Toolchain.locate()).generate()
            let folder = URL(fileURLWithPath: output)
            for (name, file) in generation.files.sorted(by: { $0.key < $1.key }) {
                let target = folder.appendingPathComponent(name + ".json")
                do {
                    try CatalogGenerator.encode(file).write(to: target)
                } catch {
                    throw CapCheckError(.io, "cannot write \(target.path): \(error.localizedDescription); pass an existing, writable --output folder")
                }
                let entries = file.groups.reduce(0) { $0 + $1.types.count + $1.members.count + $1.overloads.count }
                print("\(target.path): \(file.groups.count) rule groups, \(entries) sink entries")
            }
        }
    }
}
