import Files
import Foundation
import PathKit

// Everything under the folder run.sh names; `~` is only listed (a pattern that matches nothing) and opened as a folder.
let base = CommandLine.arguments.dropFirst().first ?? "scratch"

// PathKit
let root = Path(base) + "pathkit"
try root.mkpath()
let notes = root + "notes.txt"
try notes.write("hello")
print(try notes.read() as String, notes.isReadable, root.isDirectory)
try notes.copy(root + "copy.txt")
try (root + "copy.txt").move(root + "moved.txt")
print(root.glob("*.txt").map(\.lastComponent).sorted(), try root.children().count)
print(Path.glob("~/.capcheck-probe-matches-nothing-*").count)
try root.chdir { print(Path.current.lastComponent) }
print(Path.home.string.isEmpty, Path.temporary.string.isEmpty)
try (root + "moved.txt").delete()

// Files
let folder = try Folder(path: base).createSubfolderIfNeeded(withName: "files")
let file = try folder.createFile(named: "a.txt", contents: Data("x".utf8))
try file.append("y")
print(try file.readAsString())
try file.rename(to: "b.txt")
print(folder.files.names(), try Folder(path: "~").path.isEmpty, Folder.temporary.path.isEmpty)
try folder.delete()
