import CProcessControl
import Foundation

/// The process's memory as the system sees it.
public enum ProcessMemory {
    /// Resident memory now and at its highest so far, in bytes.
    public struct Usage: Sendable, Equatable {
        public let resident: Int
        public let peak: Int
    }

    /// Gives the pages the C allocator holds free back to the system. After a stage whose allocations die with it
    /// (libclang's translation units), the allocator would otherwise keep them in the arenas of the threads that
    /// made them, out of reach of the stages that run next on other threads.
    package static func returnFreePages() {
        capcheck_return_free_memory()
    }

    /// Gives back the resident pages of the shared library at `path`, which the stages that run next do not call into
    /// (libclang's code, about 45 MB after its parses): the system reads a page again from the file should it be touched.
    package static func pageOut(library path: String) {
        _ = capcheck_page_out_library(path)
    }

    /// The process's resident and peak resident memory (`VmRSS`, `VmHWM` of `/proc/self/status`); nil where the
    /// system does not say.
    public static func usage() -> Usage? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func kilobytes(_ field: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
        guard let resident = kilobytes("VmRSS"), let peak = kilobytes("VmHWM") else { return nil }
        return Usage(resident: resident * 1024, peak: peak * 1024)
    }
}
