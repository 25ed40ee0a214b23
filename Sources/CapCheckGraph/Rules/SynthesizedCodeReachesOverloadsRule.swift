import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph

/// The code the compiler writes for a conformance (`init(from:)`, `encode(to:)`, `hash(into:)`, `==`, `<`) has no
/// source, so the index records none of its calls, and it picks what it calls by ordinary overload resolution in the
/// module, among the overloads every imported package declares: a package's `extension KeyedDecodingContainer { func
/// decode(_: Int.Type, forKey:) }` runs in place of the standard library's for every synthesized decoder of an `Int`,
/// the root's own types included, and a file-scope `func == (lhs: [Int], rhs: [Int])` for every synthesized `==` of an
/// `[Int]` member (found by the eighth sweep, confirmed at run time). No witness relation names them. So each such
/// package member — a function declared in an extension of a coding container, `Decoder`, `Encoder` or `Hasher`, and a
/// comparison operator that witnesses nothing, at file scope or in an extension of a toolchain type — hangs below the
/// program start (kind `synthesizedCall`). So does a package's function named like a helper that synthesized code calls
/// by name (the tenth sweep's, each run: a Codable enum's `init(from:)` calls `ArraySlice(container.allKeys)`,
/// `popFirst()`, `isEmpty` and `DecodingError.Context(…)`, and a String enum's `init?(rawValue:)` calls
/// `_findStringSwitchCase(cases:string:)`, and `extension ArraySlice where Element: CodingKey { mutating func
/// popFirst() }` or a file-scope `_findStringSwitchCase` in an imported package runs instead).
package struct SynthesizedCodeReachesOverloadsRule: CallGraphRule {
    /// The toolchain types whose members synthesized conformances call.
    static let calledTypes: Set<String> = [
        "KeyedDecodingContainer", "KeyedEncodingContainer", "KeyedDecodingContainerProtocol", "KeyedEncodingContainerProtocol",
        "UnkeyedDecodingContainer", "UnkeyedEncodingContainer", "SingleValueDecodingContainer", "SingleValueEncodingContainer",
        "Decoder", "Encoder", "Hasher", "DecodingError", "EncodingError", "Context",
    ]
    /// The operators synthesized `Equatable`, `Comparable` and `RawRepresentable` code calls.
    static let calledOperators: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "~="]
    /// Names synthesized code calls (with its argument labels: overload resolution picks only a declaration the call's
    /// labels fit) that a package may declare in an extension of any toolchain type or protocol, or at file scope: the
    /// members a Codable enum's decoder uses, and the standard library's helpers it finds by name.
    static let calledNames: Set<String> = [
        "popFirst()", "isEmpty", "allKeys", "_findStringSwitchCase(cases:string:)",
        "_findStringSwitchCaseWithCache(cases:string:cache:)", "_hashValue(for:)", "_diagnoseUnexpectedEnumCase(type:)",
        "_diagnoseUnexpectedEnumCaseValue(type:rawValue:)", "_allocateUninitializedArray(_:)",
        "_finalizeUninitializedArray(_:)", "_unimplementedInitializer(className:initName:file:line:column:)",
    ]

    /// The toolchain's underscored customization points, by base name: requirements its own code calls (`Dictionary` a
    /// key's `_rawHashValue(seed:)`, Foundation an error's `_domain`, `contains` a collection's
    /// `_customContainsEquatableElement(_:)`, `String(decoding:as:)` an encoding's `_isScalar(_:)` and its parser's
    /// `_parseMultipleCodeUnits()`, a C++ interoperability `for in` a `CxxSequence`'s `__beginUnsafe()`) for which the
    /// index records no witness relation, so no rule links a package's implementation to its type (the twelfth
    /// sweep's, each run). Matched by base name, whatever the labels (the thirtieth sweep's ran through a misspelt
    /// full name). A package declaration of one of these names is reached from its type when it is a member of a
    /// package's own type, and hangs below the program start in an extension of a toolchain protocol or type.
    /// `UnderscoredRequirementsTests` reads every underscored protocol requirement of the toolchain's module interfaces
    /// and fails when one is missing here.
    package static let customizationPoints: Set<String> = [
        // Swift
        "_rawHashValue", "_domain", "_code", "_userInfo", "_getEmbeddedNSError", "_customContainsEquatableElement",
        "_customIndexOfEquatableElement", "_customLastIndexOfEquatableElement", "_copyContents", "_copyToContiguousArray",
        "_failEarlyRangeCheck", "_customRemoveLast", "_toCustomAnyHashable", "_lock", "_unlock", "_writeASCII", "_step",
        "_cVarArgEncoding", "_cVarArgAlignment", "_cVarArgObject", "_bridgeToObjectiveC", "_forceBridgeFromObjectiveC",
        "_conditionallyBridgeFromObjectiveC", "_unconditionallyBridgeFromObjectiveC", "_lowWord", "_binaryLogarithm",
        "_maskingAdd", "_maskingSubtract", "_isScalar", "_nullCodeUnitOffset", "_withUnsafeMutableBufferPointerIfSupported",
        "_parseMultipleCodeUnits", "_bufferedScalar", "_buffer", "_toUTF16CodeUnit", "_fromUTF16CodeUnit",
        "_providesContiguousBytesNoCopy", "_baseAddressIfContiguous", "_owner", "_rawValue", "_boxID", "_base",
        "_canonicalBox", "_downCastConditional", "_hash", "_hashValue", "_isEqual", "_unbox", "_isLess", "_typeID",
        "_defaultCustomPlaygroundQuickLook",
        // Cxx (C++ interoperability's protocols, which a Swift type may adopt too)
        "__beginUnsafe", "__endUnsafe", "__beginMutatingUnsafe", "__endMutatingUnsafe", "__convertToBool", "__dataUnsafe",
        "__findUnsafe", "__findMutatingUnsafe", "__insertUnsafe", "__eraseUnsafe",
        // _Differentiation, _RegexParser, Testing
        "_adding", "_isNotEqual", "_move", "_subtracting", "_typeErasedBase", "_unboxed", "_zero", "_typeErasedError",
        "_dumpBase", "_copyAttachableValue", "_deinitializeAttachableValue", "__testContentRecord",
    ]

    /// `popFirst()` of `popFirst()`, `isEmpty` of `getter:isEmpty`.
    static func fullName(_ name: String) -> Substring {
        var rest = Substring(name)
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("(") { rest = rest[rest.index(after: colon)...] }
        return rest
    }

    package func apply(to graph: GraphBuilder, facts: DeclarationFacts) {
        guard let root = facts.root else { return }
        var parentOf: [Int32: String] = [:]
        for (member, parent) in facts.parents { parentOf[member] = parent }
        let witnesses = Set(facts.overrides.map(\.member))
        var overloads: [Int32] = [], ownTypes: [(type: Int32, member: Int32)] = []
        for (id, node) in graph.nodes.enumerated()
        where node.language == .swift && (node.kind.isFunction || node.kind.isVariable) && node.isDefined && node.package != nil {
            let name = Self.fullName(node.name), baseName = String(name.prefix { $0 != "(" })  // `_isScalar` of `_isScalar(_:)`
            let isOperator = node.kind.isFunction && !witnesses.contains(Int32(id)) && Self.calledOperators.contains(baseName)
            let isCalledName = Self.calledNames.contains(String(name))
            if Self.customizationPoints.contains(baseName) {
                // A member of a package's own type runs on a value of it: the type reaches it (as its witnesses of
                // external protocols do). In an extension of a toolchain protocol or type, any value may take it.
                if let parent = parentOf[Int32(id)], let type = graph.node(forUSR: facts.owningType(ofParent: parent)),
                   graph.nodes[Int(type)].package != nil {
                    ownTypes.append((type, Int32(id)))
                } else {
                    overloads.append(Int32(id))
                }
            } else if let parent = parentOf[Int32(id)] {
                // In an extension of a toolchain type: a member of the called types, an operator (`extension Array
                // where Element == Int { static func == … }`), or a member of a name synthesized code calls.
                let typeUSR = facts.owningType(ofParent: parent)
                guard typeUSR != parent, let type = graph.node(forUSR: typeUSR), graph.nodes[Int(type)].package == nil else { continue }
                let typeName = graph.nodes[Int(type)].name
                // `ArraySlice(container.allKeys)`: of ArraySlice's initialisers, only the unlabelled one.
                let isSliceInit = typeName == "ArraySlice" && node.name == "init(_:)"
                guard Self.calledTypes.contains(typeName) || isOperator || isCalledName || isSliceInit else { continue }
                overloads.append(Int32(id))
            } else if isOperator || isCalledName {
                overloads.append(Int32(id))
            }
        }
        for (type, member) in ownTypes {
            graph.addEdge(from: type, to: member, kind: .conformance, site: graph.nodes[Int(member)].location)
        }
        guard !overloads.isEmpty else { return }
        let start = graph.programStart(of: root)
        for id in overloads {
            graph.addEdge(from: start, to: id, kind: .synthesizedCall, site: graph.nodes[Int(id)].location)
        }
    }
}
