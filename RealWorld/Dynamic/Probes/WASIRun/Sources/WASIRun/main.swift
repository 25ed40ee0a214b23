import Foundation
import WAT
import WasmKit
import WasmKitWASI

// Argument: the host folder the module sees as /sandbox (created here).
let folder = CommandLine.arguments.dropFirst().first ?? "sandbox"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
try Data("from the host\n".utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("in.txt"))

// fd 3 is the preopened /sandbox. Memory: 16 "out.txt", 32 the message, 48 an iovec, 64 "subdir", 80 the opened fd,
// 84 a byte count, 96 "in.txt", 112 a read buffer's iovec, 128 the read buffer.
let wat = #"""
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_create_directory" (func $mkdir (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "out.txt")
  (data (i32.const 32) "hello from wasm\n")
  (data (i32.const 64) "subdir")
  (data (i32.const 96) "in.txt")
  (func (export "_start")
    (i32.store (i32.const 48) (i32.const 32))
    (i32.store (i32.const 52) (i32.const 16))
    ;; out.txt: O_CREAT | O_TRUNC, every right
    (if (call $path_open (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 7) (i32.const 9)
                         (i64.const 0x1fffffff) (i64.const 0x1fffffff) (i32.const 0) (i32.const 80))
      (then unreachable))
    (drop (call $fd_write (i32.load (i32.const 80)) (i32.const 48) (i32.const 1) (i32.const 84)))
    (drop (call $fd_close (i32.load (i32.const 80))))
    (drop (call $mkdir (i32.const 3) (i32.const 64) (i32.const 6)))
    ;; in.txt, read and echoed to stdout
    (if (call $path_open (i32.const 3) (i32.const 0) (i32.const 96) (i32.const 6) (i32.const 0)
                         (i64.const 0x1fffffff) (i64.const 0x1fffffff) (i32.const 0) (i32.const 80))
      (then unreachable))
    (i32.store (i32.const 112) (i32.const 128))
    (i32.store (i32.const 116) (i32.const 64))
    (drop (call $fd_read (i32.load (i32.const 80)) (i32.const 112) (i32.const 1) (i32.const 84)))
    (i32.store (i32.const 116) (i32.load (i32.const 84)))
    (drop (call $fd_write (i32.const 1) (i32.const 112) (i32.const 1) (i32.const 84)))
    (drop (call $fd_close (i32.load (i32.const 80))))))
"""#

let module = try parseWasm(bytes: try wat2wasm(wat))
let wasi = try WASIBridgeToHost(args: ["probe"], preopens: [.init(guestPath: "/sandbox", hostPath: folder)])
let exitCode = try wasi.runAndClose { wasi in
    let store = Store(engine: Engine())
    var imports = Imports()
    wasi.link(to: &imports, store: store)
    let instance = try module.instantiate(store: store, imports: imports)
    return try wasi.start(instance)
}
print("exit", exitCode, try String(contentsOfFile: "\(folder)/out.txt", encoding: .utf8), FileManager.default.fileExists(atPath: "\(folder)/subdir"))
