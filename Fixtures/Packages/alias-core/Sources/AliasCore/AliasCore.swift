import Glibc

/// Exported to C under a name of its own: any C code may call it, so it runs from program start.
@_cdecl("capcheck_alias_hook")
public func aliasHook() { _ = mkdir("/tmp/capcheck-fixture-none", 0o700) }

public func aliasCoreVersion() -> Int { 1 }
