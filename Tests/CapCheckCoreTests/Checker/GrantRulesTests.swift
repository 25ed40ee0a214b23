@testable import CapCheckCore
import XCTest

/// The grant rules on graphs made in memory (`GraphFixture`): what each package may use along a path, and whom a
/// violation blames (docs/policy.md, docs/semantics.md "Grants along a path").
final class GrantRulesTests: XCTestCase {
    /// root → a → b → fs, and root → b directly.
    private func chain() -> GraphFixture {
        let graph = GraphFixture([("root", ["a", "b"]), ("a", ["b"]), ("b", [])])
        let main = graph.declaration("main", in: "root"), a = graph.declaration("load", in: "a"), b = graph.declaration("read", in: "b")
        graph.calls(main, a)
        graph.calls(a, b)
        graph.calls(b, graph.sink("open", .fs))
        return graph
    }

    func testAnEffectNeedsEveryPackageOnThePath() throws {
        let graph = chain()
        XCTAssertEqual(try graph.check(policy: #"{ "version": 1, "packages": { "a": { "allow": ["fs"] }, "b": { "allow": ["fs"] } } }"#).violationKeys, [])
        // b holds fs, but a (its caller) does not: the outermost package on the path that lacks it is blamed.
        XCTAssertEqual(try graph.check(policy: #"{ "version": 1, "packages": { "a": { "allow": [] }, "b": { "allow": ["fs"] } } }"#).violationKeys,
                       ["a fs open"])
    }

    /// C names a function the linker resolves, wherever it is defined: a package whose C declares and calls another
    /// package's function, without depending on it, reaches that code as it would a dependency's, narrowed by its own
    /// grant. A callback into a package it does not depend on (a witness, an override) still runs under that package's
    /// own grant. (The tenth sweep's: `evil`, granted nothing, called `good`'s `cgood_write` and wrote a file.)
    func testCNamingAnotherPackagesFunctionIsNarrowedByTheCallersGrant() throws {
        /// The root calling evil's `tidy`; neither evil nor good depends on the other.
        func rootCallingEvil() -> (graph: GraphFixture, tidy: Int32) {
            let graph = GraphFixture([("root", ["good", "evil"]), ("good", []), ("evil", [])])
            let start = graph.declaration("start", in: "root"), tidy = graph.declaration("tidy", in: "evil")
            graph.calls(start, tidy)
            return (graph, tidy)
        }
        let (graph, tidy) = rootCallingEvil()
        let helper = graph.cFunction("evil_helper", in: "evil"), write = graph.cFunction("cgood_write", in: "good")
        graph.calls(tidy, helper)
        graph.calls(helper, write)
        graph.calls(write, graph.sink("fopen", .fs))
        let policy = #"{ "version": 1, "packages": { "good": { "allow": ["fs", "ffi"] }, "evil": { "allow": ["ffi"] } } }"#
        XCTAssertEqual(try graph.check(policy: policy).violationKeys, ["evil fs fopen"])
        // Swift code of evil naming good's declaration, with no declared dependency (SwiftPM builds every module into one
        // folder, so `import Good` compiles all the same): narrowed by evil's grant too (the eighteenth sweep's).
        let (namedGraph, caller) = rootCallingEvil()
        let writeLog = namedGraph.declaration("writeLog", in: "good")
        namedGraph.calls(caller, writeLog)
        namedGraph.calls(writeLog, namedGraph.sink("fopen", .fs))
        XCTAssertEqual(try namedGraph.check(policy: policy).violationKeys, ["evil fs fopen"])
        // Reached by dispatch instead (good's witness of a requirement evil calls), good keeps its own grant: the root
        // wired them together.
        let (witnessGraph, call) = rootCallingEvil()
        let requirement = witnessGraph.declaration("Hook.run", in: "root"), hook = witnessGraph.declaration("hook", in: "good")
        witnessGraph.calls(call, requirement)
        witnessGraph.dispatches(requirement, hook)
        witnessGraph.calls(hook, witnessGraph.sink("fopen", .fs))
        XCTAssertEqual(try witnessGraph.check(policy: policy).violationKeys, [])
    }

    /// A dependency's code naming a declaration of the root (an `import RootKit` no manifest declares, which compiles
    /// from the shared build folder) runs it under the dependency's grant, as toolchain code runs for its caller: the
    /// thirtieth sweep's `evil`, granted nothing, saved a file through the root's `Store.save`. A callback the root
    /// wired up (a witness of the root's, dispatched by the dependency) still runs under the root's everything.
    func testADependencyNamingTheRootsCodeRunsItUnderItsOwnGrant() throws {
        func rootCallingEvil() -> (graph: GraphFixture, run: Int32, save: Int32) {
            let graph = GraphFixture([("root", ["evil"]), ("evil", [])])
            let main = graph.declaration("main", in: "root"), run = graph.declaration("run", in: "evil")
            let save = graph.declaration("Store.save", in: "root")
            graph.calls(main, run)
            graph.calls(save, graph.sink("fopen", .fs))
            return (graph, run, save)
        }
        let policy = #"{ "version": 1, "packages": { "evil": { "allow": [] } } }"#
        let (named, run, save) = rootCallingEvil()
        named.calls(run, save)
        XCTAssertEqual(try named.check(policy: policy).violationKeys, ["evil fs fopen"])
        let (dispatched, caller, witness) = rootCallingEvil()
        let requirement = dispatched.declaration("Saver.save", in: "evil")
        dispatched.calls(caller, requirement)
        dispatched.dispatches(requirement, witness)
        XCTAssertEqual(try dispatched.check(policy: policy).violationKeys, [])
    }

    func testANestedEntryNarrowsWhatAParentPassesOn() throws {
        let graph = chain()
        let root = graph.declaration("start", in: "root"), direct = graph.declaration("direct", in: "b")
        graph.calls(root, direct)
        graph.calls(direct, graph.sink("open", .fs))
        let policy = #"{ "version": 1, "packages": { "a": { "allow": ["fs"], "packages": { "b": { "allow": [] } } }, "b": { "allow": ["fs"] } } }"#
        // Under a, b holds nothing; called by the root directly, its top-level entry applies.
        let report = try graph.check(policy: policy)
        XCTAssertEqual(report.violationKeys, ["b fs open"])
        XCTAssertEqual(report.violations[0].path.map(\.package), ["root", "a", "b", "toolchain"])
    }

    /// A package's dependency calling back into it (a witness of the package's own type, passed down) runs the package's
    /// code under the context it has on that path, never under its wider top-level entry: the fourteenth sweep's `child`,
    /// granted nothing under `parent`, had `bouncer` call its `Steal.run()` back and wrote a file under its top-level `fs`.
    func testACallbackIntoAPackageOnThePathRunsUnderItsContextThere() throws {
        func graph(bounced: Bool) -> GraphFixture {
            let graph = GraphFixture([("root", ["parent", "child"]), ("parent", ["child"]), ("child", ["bouncer"]), ("bouncer", [])])
            let main = graph.declaration("main", in: "root"), greet = graph.declaration("greet", in: "parent")
            let format = graph.declaration("formatName", in: "child"), run = graph.declaration("Steal.run", in: "child")
            graph.calls(main, greet)
            graph.calls(greet, format)
            if bounced {
                let perform = graph.declaration("perform", in: "bouncer")
                graph.calls(format, perform)
                graph.calls(perform, run)
            } else {
                graph.calls(format, run)
            }
            graph.calls(run, graph.sink("open", .fs))
            return graph
        }
        let policy = #"{ "version": 1, "packages": { "parent": { "allow": [], "packages": { "child": { "allow": [] } } }, "#
            + #""child": { "allow": ["fs"] }, "bouncer": { "allow": [] } } }"#
        let direct = try graph(bounced: false).check(policy: policy).violationKeys
        XCTAssertEqual(direct, ["parent fs open"])
        XCTAssertEqual(try graph(bounced: true).check(policy: policy).violationKeys, direct, "the bounce through bouncer changes nothing")
    }

    /// A parent calling its nested child through a third package's dispatch (a requirement of `proto`'s protocol the child
    /// implements) enters the child as its dependency, under the nested grant: the fifteenth sweep's `child`, granted
    /// nothing under `parent`, ran its witness under its top-level `fs` because `proto` does not depend on it.
    func testAPackageReachedThroughAnotherPackagesDispatchIsItsHoldersDependency() throws {
        let graph = GraphFixture([("root", ["parent", "child", "proto"]), ("parent", ["child", "proto"]), ("child", ["proto"]), ("proto", [])])
        let main = graph.declaration("main", in: "root"), work = graph.declaration("work", in: "parent")
        let requirement = graph.declaration("Runner.run", in: "proto"), witness = graph.declaration("Job.run", in: "child")
        graph.calls(main, work)
        graph.calls(work, requirement)
        graph.calls(requirement, witness)
        graph.calls(witness, graph.sink("open", .fs))
        let policy = #"{ "version": 1, "packages": { "parent": { "allow": [], "packages": { "child": { "allow": [] } } }, "#
            + #""child": { "allow": ["fs"] }, "proto": { "allow": [] } } }"#
        XCTAssertEqual(try graph.check(policy: policy).violationKeys, ["parent fs open"])
    }

    func testNobodyPassesOnMoreThanItHolds() throws {
        let graph = chain()
        // a holds nothing, so b gets nothing from it, whatever b's entry says.
        let report = try graph.check(policy: #"{ "version": 1, "packages": { "a": { "allow": [] }, "b": { "allow": ["fs"] } } }"#)
        XCTAssertEqual(report.violationKeys, ["a fs open"])
    }

    func testAnUnlistedPackageIsDeniedOrInheritsItsCallersGrant() throws {
        let graph = chain()
        XCTAssertEqual(try graph.check(policy: #"{ "version": 1, "packages": { "a": { "allow": ["fs"] } } }"#).violationKeys, ["b fs open"])
        XCTAssertEqual(try graph.check(policy: #"{ "version": 1, "unlisted": "inherit", "packages": { "a": { "allow": ["fs"] } } }"#)
                        .violationKeys, [])
    }

    /// `unsafe` and `ffi` belong to the package whose own code has them: a violation blames it, never its callers (who
    /// still cannot pass on what they do not hold).
    func testACodePropertyBelongsToTheCodeThatHasIt() throws {
        let graph = GraphFixture([("root", ["a"]), ("a", ["b"]), ("b", [])])
        let main = graph.declaration("main", in: "root"), a = graph.declaration("load", in: "a"), b = graph.declaration("peek", in: "b")
        graph.calls(main, a)
        graph.calls(a, b)
        graph.calls(b, graph.sink("UnsafePointer", .unsafe))
        XCTAssertEqual(try graph.check(policy: #"{ "version": 1, "packages": { "a": { "allow": ["unsafe"] }, "b": { "allow": ["unsafe"] } } }"#)
                        .violationKeys, [])
        XCTAssertEqual(try graph.check(policy: #"{ "version": 1, "packages": { "a": { "allow": ["unsafe"] }, "b": { "allow": [] } } }"#)
                        .violationKeys, ["b unsafe UnsafePointer"])
        XCTAssertEqual(try graph.check(policy: #"{ "version": 1, "packages": { "a": { "allow": [] }, "b": { "allow": ["unsafe"] } } }"#)
                        .violationKeys, ["b unsafe UnsafePointer"], "blamed on b's code, not on a, which does not use it")
    }

    /// `"from": "build"`: a grant for what the build runs (a macro's `build`) is no grant to the same package's code in
    /// the program, and the reverse.
    func testABuildScopedGrantAppliesOnlyToWhatTheBuildRuns() throws {
        let graph = GraphFixture([("root", ["kit"]), ("kit", [])])
        let build = graph.buildTarget("App", in: "root"), macro = graph.buildTarget("KitMacros", in: "kit")
        graph.calls(build, macro)
        graph.calls(macro, graph.sink("macro KitMacros", .build))
        let main = graph.declaration("main", in: "root"), helper = graph.declaration("helper", in: "kit")
        graph.calls(main, helper)
        graph.calls(helper, graph.sink("open", .fs))

        let scoped = try graph.check(policy: #"{ "version": 1, "packages": { "kit": { "allow": ["build", "fs"], "from": "build" } } }"#)
        XCTAssertEqual(scoped.violationKeys, ["kit fs open"], "the program's code gets nothing from a build-only grant")
        XCTAssertEqual(scoped.violations.first?.note,
                       "its grant (kit, line 1) applies only on paths that start in the build (\"from\": \"build\"), and this path starts in the program's code")
        let plain = try graph.check(policy: #"{ "version": 1, "packages": { "kit": { "allow": ["fs"] } } }"#)
        XCTAssertEqual(plain.violationKeys, ["kit build macro KitMacros"])
        let testOnly = try graph.check(policy: #"{ "version": 1, "packages": { "kit": { "allow": ["build", "fs"], "from": "test" } } }"#)
        XCTAssertEqual(testOnly.violationKeys, ["kit build macro KitMacros", "kit fs open"], "a test-only grant does not reach the build")
        XCTAssertEqual(try graph.check(policy: #"{ "version": 1, "packages": { "kit": { "allow": ["build", "fs"] } } }"#).violationKeys, [])
    }

    /// `audit` reports what each package reaches (effects for every holder on the path) and collects no violation.
    func testAuditReportsReachForEveryHolder() throws {
        let report = try chain().check(policy: #"{ "version": 1, "packages": {} }"#, collectViolations: false)
        XCTAssertEqual(report.violations, [])
        XCTAssertEqual(report.summary(of: "a")?.reached, ["fs"])
        XCTAssertEqual(report.summary(of: "b")?.reached, ["fs"])
    }
}
