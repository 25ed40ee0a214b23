import Foundation

/// Every file and folder capcheck keeps under `<scratch>/capcheck/`, named in one place. What each cache depends
/// on and how it is checked is in docs/performance.md ("Caches").
package struct ScratchLayout: Sendable {
    /// SwiftPM's build folder (`--scratch-path`, default `<package>/.build`).
    package let scratch: URL

    /// `<scratch>/capcheck`.
    package var folder: URL { scratch.appendingPathComponent("capcheck") }
    /// The resolved package graph (`PackageGraphCache`).
    package var packageGraph: URL { folder.appendingPathComponent("package-graph") }
    /// The last run's merged graph and classification (`AnalysisSnapshot`), of the debug configuration.
    package var analysis: URL { analysis(configuration: "debug") }

    /// The last run's merged graph of a build configuration (`debug`, `release`): one file each, so that
    /// `--configuration both` does not replace one configuration's snapshot with the other's on every run.
    package func analysis(configuration: String) -> URL {
        folder.appendingPathComponent(configuration == "debug" ? "analysis" : "analysis-\(configuration)")
    }
    /// The last report of a build configuration and the inputs it was made from (`ReportCache`).
    package func report(configuration: String) -> URL {
        folder.appendingPathComponent(configuration == "debug" ? "report" : "report-\(configuration)")
    }
    /// Content hashes of Swift sources, manifests and module maps, by size and modification time (`ContentHashes`).
    package var swiftHashes: URL { folder.appendingPathComponent("swift-hashes") }
    /// What the Swift source scan found per file (`SourceScanCache`), in the debug configuration.
    package var swiftSourceScan: URL { swiftSourceScan(configuration: "debug") }

    /// What the Swift source scan found per file in a build configuration (its `#if` conditions differ).
    package func swiftSourceScan(configuration: String) -> URL {
        folder.appendingPathComponent(configuration == "debug" ? "swift-source-scan" : "swift-source-scan-\(configuration)")
    }
    /// The clang commands and C++-interoperability modules read from a build configuration's build manifest
    /// (`BuildManifestCommands`).
    package func buildManifest(configuration: String) -> URL {
        folder.appendingPathComponent(configuration == "debug" ? "build-manifest" : "build-manifest-\(configuration)")
    }
    /// libclang's findings per C-family source, their definition groups and system-call tables (`NativeResultCache`).
    package var native: URL { folder.appendingPathComponent("native") }
    /// Content hashes of C-family sources and headers (`ContentHashes`, through `SourceFingerprints`).
    package var nativeFingerprints: URL { native.appendingPathComponent("fingerprints") }
    /// SwiftPM's own scratch folder for `swift package describe` of dependencies (`PackageGraphLoader`).
    package var describe: URL { folder.appendingPathComponent("describe") }
    /// The baseline checkout and build of `capcheck diff --base` (`BaselineWorkspace`).
    package var diff: URL { folder.appendingPathComponent("diff") }

    /// The folders capcheck writes cache files into (where an interrupted write can leave a temporary file).
    package var cacheFolders: [URL] { [folder, native, native.appendingPathComponent("groups")] }

    package init(scratch: URL) { self.scratch = scratch }

    /// The version of this layout and of its files' framing (`CacheFile`), kept in `<scratch>/capcheck/layout`.
    private static let version = "2"

    /// Makes the folder ready for this capcheck: when it was laid out by another version, its caches (not the
    /// `describe` and `diff` work folders) are removed once, silently, so that an upgrade never reads a file of an
    /// older format as a damaged one; temporary files an interrupted run left behind are removed.
    package func prepare() {
        let marker = folder.appendingPathComponent("layout")
        if FileManager.default.contents(atPath: marker.path).map({ String(decoding: $0, as: UTF8.self) }) != Self.version {
            let kept: Set<String> = [describe.lastPathComponent, diff.lastPathComponent]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !kept.contains(name) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
            AtomicFile.write(Data(Self.version.utf8), to: marker)
        }
        AtomicFile.removeLeftovers(in: cacheFolders)
    }
}
