import Foundation
import SystemPackage
import ZIPFoundation

// Everything under the folder run.sh names.
let base = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "scratch", isDirectory: true)
let fm = FileManager.default
try? fm.removeItem(at: base)
let input = base.appendingPathComponent("input", isDirectory: true)
try fm.createDirectory(at: input, withIntermediateDirectories: true)
try Data(String(repeating: "capcheck ", count: 200).utf8).write(to: input.appendingPathComponent("a.txt"))
try fm.createSymbolicLink(atPath: input.appendingPathComponent("link").path, withDestinationPath: "a.txt")

// ZIPFoundation: a folder zipped and unzipped, an archive opened, read, added to and edited.
let zip = base.appendingPathComponent("input.zip")
try fm.zipItem(at: input, to: zip, compressionMethod: .deflate)
let output = base.appendingPathComponent("output", isDirectory: true)
try fm.unzipItem(at: zip, to: output)
let archive = try Archive(url: zip, accessMode: .update)
print(archive.map(\.path).sorted())
try Data("b".utf8).write(to: base.appendingPathComponent("b.txt"))
try archive.addEntry(with: "b.txt", relativeTo: base, compressionMethod: .deflate)
if let entry = archive["input/a.txt"] {
    _ = try archive.extract(entry, to: base.appendingPathComponent("a-copy.txt"))
    try archive.remove(entry)
}
print(try Archive(url: zip, accessMode: .read).map(\.path).sorted())

// swift-system: a file made, written, read back and stat'ed by path.
let path = FilePath(base.appendingPathComponent("system.txt").path)
let fd = try FileDescriptor.open(path, .readWrite, options: [.create, .truncate], permissions: .ownerReadWrite)
_ = try fd.closeAfter { try fd.writeAll("swift-system\n".utf8) }
let again = try FileDescriptor.open(path, .readOnly)
let text = try again.closeAfter { () -> String in
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = try buffer.withUnsafeMutableBytes { try again.read(into: $0) }
    return String(decoding: buffer.prefix(count), as: UTF8.self)
}
print(text, try Stat(path).size, try Stat(FilePath(input.appendingPathComponent("link").path), followTargetSymlink: false).type == .symbolicLink)
