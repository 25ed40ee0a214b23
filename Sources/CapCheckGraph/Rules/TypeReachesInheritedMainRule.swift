import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// The `main()` that `@main` makes the compiler call, which the index records nowhere. Lookup finds it on the type, on
/// its superclasses (a `class func main()` too) and in the protocols it adopts or they refine (an extension's `static
/// func main()`): `@main struct Tool: ParsableCommand` runs swift-argument-parser's `ParsableCommand.main()`. So:
/// - a type reaches the `main()` of every base it names, and of theirs, transitively (the attribute itself is not in
///   the index: every type is taken as possibly `@main`);
/// - an extension reaches its type's own and inherited `main()` when its file spells `@main` (`@main extension Tool {}`
///   runs the `Tool.main()` of another package).
package struct TypeReachesInheritedMainRule: CallGraphRule {
    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        var mains: [String: [Int32]] = [:]  // type USR (through extensions) → the `main()` entry points it declares
        for (member, parent) in facts.parents {
            let node = graph.nodes[Int(member)]
            guard node.kind == .staticMethod || node.kind == .classMethod, node.name == "main()" else { continue }
            mains[facts.owningType(ofParent: parent), default: []].append(member)
        }
        guard !mains.isEmpty else { return }
        // The bases each type names, an extension's (`extension Tool: Launchable`) counted as its type's.
        var bases: [String: [String]] = [:]
        for (type, base) in facts.inheritances { bases[facts.owningType(ofParent: type), default: []].append(base) }
        var inherited: [String: [Int32]] = [:]
        func inheritedMains(of type: String) -> [Int32] {
            if let known = inherited[type] { return known }
            var found: [Int32] = [], seen: Set<String> = [type], work = (bases[type] ?? []).reversed() as [String]
            while let base = work.popLast() {
                guard seen.insert(base).inserted else { continue }
                found += mains[base] ?? []
                work += (bases[base] ?? []).reversed()
            }
            inherited[type] = found
            return found
        }
        var visited = Set<String>()
        for (type, _) in facts.inheritances where visited.insert(type).inserted {
            let entryPoints = inheritedMains(of: facts.owningType(ofParent: type))
            guard !entryPoints.isEmpty else { continue }
            for from in Set([type, facts.owningType(ofParent: type)]).sorted() {
                guard let typeNode = graph.node(forUSR: from) else { continue }
                for main in entryPoints { graph.addEdge(from: typeNode, to: main, kind: .inheritedMain, site: graph.nodes[Int(main)].location) }
            }
        }
        var spellsMain: [String: Bool] = [:]
        for (id, node) in graph.nodes.enumerated() where node.kind == .extension && node.language == .swift {
            guard let file = node.location?.file, let type = facts.extendedTypes[node.usr] else { continue }
            let entryPoints = (mains[type] ?? []) + inheritedMains(of: type)
            guard !entryPoints.isEmpty else { continue }
            let attributed = spellsMain[file] ?? Self.spellsMainAttribute(SourceText(path: file))
            spellsMain[file] = attributed
            guard attributed else { continue }
            for main in entryPoints { graph.addEdge(from: Int32(id), to: main, kind: .inheritedMain, site: graph.nodes[Int(main)].location) }
        }
    }

    /// Whether the text has an `@main` attribute anywhere (`@main`, `@ main`, `` @`main` ``, `@/**/main`; in a comment or a string too:
    /// an over-approximation, which only adds edges); an unreadable file is taken to have one.
    static func spellsMainAttribute(_ source: SourceText?) -> Bool {
        guard let bytes = source?.bytes else { return true }
        var index = bytes.startIndex
        while let at = bytes[index...].firstIndex(of: UInt8(ascii: "@")) {
            var cursor = bytes.index(after: at)
            // Blanks, back-quotes and comments may come between (`@/**/main` compiles, with a warning; the twenty-fifth
            // sweep's).
            while cursor < bytes.endIndex {
                if [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0x60].contains(bytes[cursor]) { cursor += 1; continue }
                if bytes[cursor...].starts(with: Array("/*".utf8)) {
                    var depth = 0
                    while cursor < bytes.endIndex {
                        if bytes[cursor...].starts(with: Array("/*".utf8)) { depth += 1; cursor += 2; continue }
                        if bytes[cursor...].starts(with: Array("*/".utf8)) { depth -= 1; cursor += 2; if depth == 0 { break }; continue }
                        cursor += 1
                    }
                    continue
                }
                if bytes[cursor...].starts(with: Array("//".utf8)) {
                    while cursor < bytes.endIndex, bytes[cursor] != 0x0A { cursor += 1 }
                    continue
                }
                break
            }
            if bytes[cursor...].starts(with: Array("main".utf8)),
               cursor + 4 == bytes.endIndex || !SourceText.isSwiftIdentifierByte(bytes[cursor + 4]) {
                return true
            }
            index = bytes.index(after: at)
        }
        return false
    }
}
