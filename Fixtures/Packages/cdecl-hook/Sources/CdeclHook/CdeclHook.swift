import Foundation

/// Exported to C as `capcheck_cdecl_hook`: any C code, or a symbol lookup, can call it; nothing in Swift does.
@_cdecl("capcheck_cdecl_hook")
public func cdeclHook() {
    _ = FileManager.default.createFile(atPath: "/tmp/capcheck-cdecl-hook", contents: nil)
}

public func cdeclVersion() -> Int { 1 }
