import CHeaderContext

public enum HeaderContext {
    /// Each C function of the package, with a path that exists nowhere.
    public static func runAll() {
        capcheck_context_pid()
        capcheck_context_make("/tmp/capcheck-fixture-none")
        capcheck_context_guard_quiet()
        capcheck_context_guard_loud("/tmp/capcheck-fixture-none")
        capcheck_context_hooks("/tmp/capcheck-fixture-none")
        capcheck_context_hooks_labelled("/tmp/capcheck-fixture-none")
    }
}
