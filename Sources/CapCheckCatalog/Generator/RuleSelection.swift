import CapCheckSupport
import CapCheckModel

/// Applies `CatalogRule`s, in order, to the toolchain's public declarations. A declaration gets the
/// capability of the first rule that selects it; a member a rule lists as pure stays pure only if no rule
/// selects it. Every named type and selector must match something, or the generator stops.
package struct RuleSelection {
    private let symbols: [ToolchainSymbol]
    /// `family:Type.Path` → the member symbols directly inside that type.
    private var membersByParent: [String: [Int]] = [:]
    /// `family:Type.Path` → the type symbols so named.
    private var typesByPath: [String: [Int]] = [:]

    package private(set) var sinkRules: [String: CatalogRule] = [:]
    package private(set) var pureRules: [String: CatalogRule] = [:]
    /// `family:Type.Path` → the rule that made the whole type a sink.
    package private(set) var wholeTypes: [String: CatalogRule] = [:]
    private var memberDefaults: [String: CatalogRule] = [:]

    package init(symbols: [ToolchainSymbol]) {
        self.symbols = symbols
        for (index, symbol) in symbols.enumerated() {
            if symbol.kind == .type {
                typesByPath[symbol.family + ":" + symbol.path.joined(separator: "."), default: []].append(index)
            } else {
                membersByParent[symbol.family + ":" + symbol.parent.joined(separator: "."), default: []].append(index)
            }
        }
    }

    package mutating func apply(_ rule: CatalogRule, attributed: [String: [SwiftInterfaceScanner.Declaration]]) throws {
        let families = Set(rule.areas.map(\.family))
        switch rule.selection {
        case .everyMember(let type, let except):
            for family in families {
                let members = try self.members(of: type, family: family, rule: rule)
                let pure = try matches(except, in: members, type: type, rule: rule)
                for index in members { pure.contains(index) ? markPure(index, rule) : markSink(index, rule) }
                memberDefaults[family + ":" + type] = memberDefaults[family + ":" + type] ?? rule
            }
        case .members(let selectors, let type):
            for family in families {
                let members = try self.members(of: type, family: family, rule: rule)
                let sinks = try matches(selectors, in: members, type: type, rule: rule)
                for index in members { sinks.contains(index) ? markSink(index, rule) : markPure(index, rule) }
            }
        case .types(let names):
            for family in families {
                for name in names {
                    guard let found = typesByPath[family + ":" + name] else {
                        throw generatorError(rule, "type \(name) does not exist in \(family)")
                    }
                    markWholeType(family + ":" + name, found, rule)
                }
            }
        case .typesWithAttribute(let attribute):
            var count = 0
            for family in families {
                for declaration in attributed[family + "@" + attribute] ?? [] where declaration.isType && declaration.isPublic {
                    let key = family + ":" + declaration.path.joined(separator: ".")
                    guard let found = typesByPath[key] else { continue }
                    markWholeType(key, found, rule)
                    count += 1
                }
            }
            guard count > 0 else { throw generatorError(rule, "no public type carries @\(attribute)") }
        case .declarationsWithAttribute(let attribute):
            var count = 0
            for family in families {
                var wanted = Set<String>()
                for declaration in attributed[family + "@" + attribute] ?? [] where !declaration.isType && declaration.isPublic {
                    wanted.insert(declaration.path.joined(separator: ".") + (declaration.labels.map { "(\($0))" } ?? ""))
                }
                for (index, symbol) in symbols.enumerated() where symbol.family == family && symbol.kind != .type && wanted.contains(symbol.selector) {
                    markSink(index, rule)
                    count += 1
                }
            }
            guard count > 0 else { throw generatorError(rule, "no public declaration carries @\(attribute)") }
        case .baseNamePrefixes(let prefixes):
            for (index, symbol) in symbols.enumerated() where families.contains(symbol.family) && symbol.kind != .type
                && prefixes.contains(where: { symbol.baseName.hasPrefix($0) }) {
                markSink(index, rule)
            }
        case .signatureNamesSelectedType:
            let selected = Set(wholeTypes.filter { $0.value.capability == rule.capability }
                .flatMap { typesByPath[$0.key] ?? [] }.map { symbols[$0].usr })
            guard !selected.isEmpty else { throw generatorError(rule, "no earlier rule selects a \(rule.capability) type") }
            for (index, symbol) in symbols.enumerated() where families.contains(symbol.family) && symbol.kind != .type
                && !symbol.signatureTypes.isDisjoint(with: selected) {
                markSink(index, rule)
            }
        }
    }

    /// The generated groups of one area, in rule order.
    package func groups(for area: CatalogArea, rules: [CatalogRule]) -> [CatalogFile.Group] {
        let order = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // Each member's status: a sink of the rule at that position, pure by it, or untouched by any rule.
        enum Status: Hashable { case sink(Int), pure(Int), untouched }
        var statuses: [String: [(usr: String, status: Status)]] = [:]
        for symbol in symbols where symbol.family == area.family && symbol.kind != .type && !isInsideWholeType(symbol) {
            let status: Status
            if let rule = sinkRules[symbol.usr], let position = order[rule.id] {
                status = .sink(position)
            } else if let rule = pureRules[symbol.usr], let position = order[rule.id] {
                status = .pure(position)
            } else {
                status = .untouched
            }
            statuses[symbol.member, default: []].append((symbol.usr, status))
        }
        // A key whose overloads agree is listed by key; otherwise its classified overloads are listed by USR.
        var sinkKeys: [String: Int] = [:], pureKeys: [String: Int] = [:]
        var sinkOverloads: [Int: [String: String]] = [:], pureOverloads: [Int: [String: String]] = [:]
        for (key, overloads) in statuses {
            let distinct = Set(overloads.map(\.status))
            for overload in overloads {
                switch overload.status {
                case .sink(let position) where distinct.count == 1: sinkKeys[key] = position
                case .pure(let position) where distinct.count == 1: pureKeys[key] = position
                case .sink(let position): sinkOverloads[position, default: [:]][overload.usr] = key
                case .pure(let position): pureOverloads[position, default: [:]][overload.usr] = key
                case .untouched: break
                }
            }
        }
        var groups: [CatalogFile.Group] = []
        for (position, rule) in rules.enumerated() {
            let prefix = area.family + ":"
            let types = wholeTypes.filter { $0.value.id == rule.id && $0.key.hasPrefix(prefix) }
                .map { String($0.key.dropFirst(prefix.count)) }
                .filter { !isNested($0, family: area.family) }
            let defaults = memberDefaults.filter { $0.value.id == rule.id && $0.key.hasPrefix(prefix) }
                .map { String($0.key.dropFirst(prefix.count)) }
            let members = sinkKeys.filter { $0.value == position }.map(\.key)
            let pure = pureKeys.filter { $0.value == position }.map(\.key)
            let overloads = sinkOverloads[position] ?? [:], pures = pureOverloads[position] ?? [:]
            guard !(types.isEmpty && defaults.isEmpty && members.isEmpty && pure.isEmpty && overloads.isEmpty && pures.isEmpty) else { continue }
            groups.append(CatalogFile.Group(rule: rule.id, capability: rule.capability.name, note: rule.note,
                                            types: types.sorted(), memberDefaults: defaults.sorted(),
                                            members: members.sorted(), pure: pure.sorted(),
                                            overloads: overloads, pureOverloads: pures))
        }
        return groups
    }

    // MARK: Helpers

    private func members(of type: String, family: String, rule: CatalogRule) throws -> [Int] {
        guard let members = membersByParent[family + ":" + type], !members.isEmpty else {
            throw generatorError(rule, "type \(type) has no public members in \(family)")
        }
        return members
    }

    /// The members a list of selectors names; every selector must name at least one.
    private func matches(_ selectors: [String], in members: [Int], type: String, rule: CatalogRule) throws -> Set<Int> {
        var found = Set<Int>()
        for selector in selectors {
            let named = members.filter {
                let symbol = symbols[$0]
                let title = symbol.baseName + (symbol.titleLabels.map { "(\($0))" } ?? "")
                return title == selector || symbol.baseName == selector
            }
            guard !named.isEmpty else { throw generatorError(rule, "\(type) has no public member \(selector)") }
            found.formUnion(named)
        }
        return found
    }

    private mutating func markSink(_ index: Int, _ rule: CatalogRule) {
        let usr = symbols[index].usr
        if sinkRules[usr] == nil && !isInsideWholeType(symbols[index]) { sinkRules[usr] = rule }
    }

    private mutating func markPure(_ index: Int, _ rule: CatalogRule) {
        let usr = symbols[index].usr
        if pureRules[usr] == nil { pureRules[usr] = rule }
    }

    private mutating func markWholeType(_ key: String, _ found: [Int], _ rule: CatalogRule) {
        if wholeTypes[key] == nil { wholeTypes[key] = rule }
        for index in found where sinkRules[symbols[index].usr] == nil { sinkRules[symbols[index].usr] = rule }
    }

    /// Whether a member sits in a whole type already (its key would be redundant).
    private func isInsideWholeType(_ symbol: ToolchainSymbol) -> Bool {
        guard symbol.kind != .type else { return false }
        for count in stride(from: symbol.path.count - 1, through: 1, by: -1) {
            if wholeTypes[symbol.typeFamily + ":" + symbol.path.prefix(count).joined(separator: ".")] != nil { return true }
        }
        return false
    }

    private func isNested(_ type: String, family: String) -> Bool {
        let components = type.split(separator: ".")
        for count in stride(from: 1, to: components.count, by: 1)
            where wholeTypes[family + ":" + components.prefix(count).joined(separator: ".")] != nil { return true }
        return false
    }

    private func generatorError(_ rule: CatalogRule, _ message: String) -> CapCheckError {
        CapCheckError(.toolchain, "catalog rule \(rule.id): \(message) on this toolchain; fix the rule in Catalog/Generator/CatalogRules.swift")
    }
}
