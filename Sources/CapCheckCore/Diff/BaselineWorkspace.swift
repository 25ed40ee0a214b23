import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckBuild
import CapCheckCatalog
import CapCheckPolicy
import CapCheckGraph
import CapCheckNativeCode
import CapCheckSwiftSource
import CapCheckBuildTime
import CapCheckChecker
import CapCheckReporters
import Foundation

/// Prepares the "before" side of `capcheck diff --base <ref>`: a copy of the package as it is now, with the
/// `Package.resolved` that `<ref>` committed, so the two analyses differ only in dependency versions.
///
/// The copy lives under `<scratch>/capcheck/diff/tree/`, next to links to every sibling of the package folder,
/// so local path dependencies written as `../X` still resolve (they have no pin and are used as they are now).
public struct BaselineWorkspace {
    public let packagePath: URL
    public let scratchPath: URL

    public init(packagePath: URL, scratchPath: URL) {
        self.packagePath = packagePath
        self.scratchPath = scratchPath
    }

    /// Creates (or refreshes) the copy and returns its package folder and the scratch folder to build it in.
    public func prepare(ref: String) throws -> (packagePath: URL, scratchPath: URL) {
        let resolved = try baseResolved(ref: ref)
        let diffFolder = ScratchLayout(scratch: scratchPath).diff
        let tree = diffFolder.appendingPathComponent("tree")
        let copy = tree.appendingPathComponent(packagePath.lastPathComponent)
        let files = FileManager.default
        do {
            if files.fileExists(atPath: copy.path) { try files.removeItem(at: copy) }
            try files.createDirectory(at: tree, withIntermediateDirectories: true)
            try linkSiblings(into: tree)
            try copyPackage(to: copy)
            try resolved.write(to: copy.appendingPathComponent("Package.resolved"))
            // The policy as it was at <ref>, so that "newly granted" compares the two policies.
            let policy = copy.appendingPathComponent("capabilities.json")
            if files.fileExists(atPath: policy.path) { try files.removeItem(at: policy) }
            if let basePolicy = try? show(ref: ref, file: "capabilities.json") { try basePolicy.write(to: policy) }
        } catch let error as CapCheckError {
            throw error
        } catch {
            throw CapCheckError(.io, "cannot prepare the baseline copy under \(tree.path): \(error.localizedDescription)")
        }
        return (copy, diffFolder.appendingPathComponent("scratch"))
    }

    private func baseResolved(ref: String) throws -> Data {
        do {
            return try show(ref: ref, file: "Package.resolved")
        } catch let error as CapCheckError {
            throw CapCheckError(error.kind, error.message + "\nCommit Package.resolved (SwiftPM writes it when it resolves), or pick a ref that has it.")
        }
    }

    /// `git show <ref>:<package folder in the repository>/<file>`.
    private func show(ref: String, file: String) throws -> Data {
        let git = URL(fileURLWithPath: "/usr/bin/env")
        let prefix = try ProcessRunner.run(git, ["git", "-C", packagePath.path, "rev-parse", "--show-prefix"])
        guard prefix.status == 0 else {
            throw CapCheckError(.usage, "\(packagePath.path) is not in a git repository; --base needs one (or compare two JSON reports instead)")
        }
        let path = prefix.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + file
        let shown = try ProcessRunner.run(git, ["git", "-C", packagePath.path, "show", "\(ref):\(path)"])
        guard shown.status == 0 else {
            throw CapCheckError(.usage, "cannot read \(path) at \(ref): \(shown.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return Data(shown.stdout.utf8)
    }

    private func linkSiblings(into tree: URL) throws {
        let files = FileManager.default
        let parent = packagePath.deletingLastPathComponent()
        for name in try files.contentsOfDirectory(atPath: parent.path) where name != packagePath.lastPathComponent {
            let link = tree.appendingPathComponent(name)
            if (try? files.destinationOfSymbolicLink(atPath: link.path)) != nil || files.fileExists(atPath: link.path) { continue }
            try files.createSymbolicLink(at: link, withDestinationURL: parent.appendingPathComponent(name))
        }
    }

    /// Copies the package's files, leaving out build folders and version control.
    private func copyPackage(to destination: URL) throws {
        let files = FileManager.default
        try files.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in try files.contentsOfDirectory(atPath: packagePath.path) {
            if name == ".git" || name == ".build" || name.hasPrefix(".build-") || name.hasPrefix(".build_") || name == ".swiftpm" {
                continue
            }
            let source = packagePath.appendingPathComponent(name)
            if source.standardizedFileURL.path == scratchPath.standardizedFileURL.path { continue }
            try files.copyItem(at: source, to: destination.appendingPathComponent(name))
        }
    }
}
