import AsyncLines
import DebugDescription
import DispatchBlock
import DynamicCallable
import Foundation
import DynamicMember
import FunctionTable
import FunctionValues
import ImplicitConstruction
import LazyInit
import MemberValues
import GlobalActor
import MetatypeInit
import NotificationObserver
import OverriddenDefault
import PatternMatch
import ResultBuilder
import WrappedLocal
import WrappedProperty
import RawBindings
import ShadowTests
import SharedFormat
import SharedStore
import UnderscoredHooks

struct Settings {
    @Listed("/tmp") var files: [String]
}

let settings = Settings()
print(settings.files.count)
print(settings.$files ?? "")
// A wrapper on a function parameter: the call and the body name neither its initializer nor its getter.
print(readable(path: "/etc/hostname"))

func tally() -> Int {
    @Counted var count = 0
    count += 1
    return count
}
print(tally())
print(projectLevel())

let shell = Shell()
_ = shell("-c", "true")

// Result builder: `if`, `if`/`else`, `for` and `if #available` in the closure, each statement a partial block, then the
// final result.
let verbose = CommandLine.arguments.count > 2
print(plan {
    "fetch"
    if verbose { "log" }
    if CommandLine.arguments.count > 1 { "build" } else { "test" }
    for target in ["a", "b"] { target }
    if #available(macOS 10.15, *) { "sign" }
})

// A builder with buildBlock and buildExpression only, and a custom string interpolation's appendInterpolation.
print(lines {
    "first"
    "second"
})
let report: LinkReport = "target: \(link: "/etc/localtime")"
print(report.text)

print(HostInfo().name)

for await line in Lines() { print(line) }

switch CommandLine.arguments.count {
case Port.http: print("http")
default: break
}

let pluginKinds: [Plugin.Type] = [EnvPlugin.self]
for kind in pluginKinds { _ = kind.init() }

let documents = ["/etc/hostname"].map(Loader.load)
print(documents.map(\.contents))

Commands.table["clean"]?()

refresh()

let watcher = ConfigWatcher()
NotificationCenter.default.post(name: ConfigWatcher.reload, object: nil)
withExtendedLifetime(watcher) {}

// @dynamicMemberLookup and callAsFunction: neither member is named here.
print(EnvSettings().home ?? "", FileProbe()())

// A protocol extension's default runs only for conformers that take it: MemoryExporter implements export() itself
// (the default's removeItem is not reached); LateArchiver takes archive()'s default through an extension conformance;
// Tagged takes tag()'s default constrained to Equatable types.
print(exportAll([MemoryExporter()]), archiveAll([LateArchiver()]), tags([Tagged()]))

// debugPrint runs Token's debugDescription.
debugPrint(Token())

// Stored properties' initial values and a property wrapper's initialiser run when the value is made; a subclass's
// initialiser runs its superclass's; a toolchain type's conformances run on values nothing here names (a UInt8 from a
// string's bytes, a Double literal).
print(Session().ready, Preferences().ok, Client().count, Cache().size)
let byte = "abc".utf8.first!
print("byte \(byte)")
print(runAll([2.5]))

// Members' conformances, which synthesized or reflective code runs: print reflects Palette's shade, == and hash(into:)
// compare and hash the members, encoding encodes them, decoding a Configuration decodes a Level.
print(Palette(), Parts() == Parts(), Set([Slots()]).count)
debugPrint(Invoice())
print((try? JSONEncoder().encode(Record()))?.count ?? 0)
print((try? JSONDecoder().decode(Configuration.self, from: Data("{\"level\": 1}".utf8))) != nil)
print((try? JSONDecoder().decode(Preset.self, from: Data("{\"depth\": 1}".utf8))) != nil)
// An associated type's default, and a wrapper's enclosing-instance subscript.
print(runExtension(DefaultExtension()), Account().balance, produce(Joinery()))
// Declaration headers: an enum case's default argument, a tuple-pattern global, a `_read` accessor, CodingKeys.
print(Job.run(), jobLevel, Cell().value, (try? JSONEncoder().encode(Named()))?.count ?? 0)
// Found by a later sweep: a tuple pattern over two lines, a decoy `init(from:)`, a default taken by `UInt8`, a file-scope
// `==` witness.
print(stageName, stampLevel, (try? JSONDecoder().decode(Dial.self, from: Data("{\"gauge\": 1}".utf8))) != nil)
stampAll("ab")
print(hasToken([1, 2], 2))
// Found by the sixth sweep: a member declared through a typealias, an inheritance clause's generic argument, a literal
// made in generic code of a type inferred from a method nothing calls.
print(loadScheme(Data("{\"swatch\": 1}".utf8)) != nil)
Kiln().light()
_ = burn(Coal())
_ = smoulder(Peat())
_ = calibrate(Ruler())
_ = calibrate(Tape())
// Found by the eighth sweep: the root's own synthesized conformances call member-values' overloads.
struct Reading: Decodable, Equatable { let level: Int8; let samples: [Int8] }
print((try? JSONDecoder().decode(Reading.self, from: Data("{\"level\": 1, \"samples\": []}".utf8))).map { $0 == $0 } ?? false)
// The tenth sweep's: synthesized code of the root's own enums finds member-values' `popFirst()` and
// `_findStringSwitchCase` by name.
enum Mode: Codable { case fast(Int), slow }
enum Shade: String { case light, dark }
print((try? JSONDecoder().decode(Mode.self, from: Data(#"{"slow":{}}"#.utf8))) != nil, Shade(rawValue: "dark") != nil)
// The twelfth sweep's: `Dictionary` runs the key's `_rawHashValue(seed:)`, `localizedDescription` the error's `_domain`.
print([Ticket(): 1].count)
do { throw Trouble() } catch { print(error.localizedDescription) }
var ledger = Ledger()
print("entry", to: &ledger)
print(await Model().load(), await Store().count(), await Journal().entries())
print(shadowGreeting())
// The thirtieth sweep's: underscored requirements the toolchain calls, a witness renamed by `@_implements`, a
// toolchain type adopting a package protocol whose default witnesses a toolchain requirement, and a type inferred
// through a toolchain conformer; none of them named by a call.
print(String(decoding: [0x68, 0xC3, 0xA9, 0x21] as [UInt8], as: Latin.self))
let keys: Set<Key> = [Key(1), Key(2)]
print(keys.count, "é".utf16.first!)
forge("a".utf16.first!)
// Two modules in one folder: SharedFormat's code is SharedFormat's.
print(storedNames().map(formatted).count)
// A binding a macro expanded (`@_silgen_name("clearenv")`), which only the object file shows.
if CommandLine.arguments.contains("--scrub") { print(scrub()) }
