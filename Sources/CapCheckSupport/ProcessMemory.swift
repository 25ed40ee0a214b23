import CProcessControl

/// The process's memory as the system sees it.
package enum ProcessMemory {
    /// Gives the pages the C allocator holds free back to the system. After a stage whose allocations die with it
    /// (libclang's translation units), the allocator would otherwise keep them in the arenas of the threads that
    /// made them, out of reach of the stages that run next on other threads.
    package static func returnFreePages() {
        capcheck_return_free_memory()
    }
}
