// capcheck rule: TypeReachesInheritedMainRule — the `main()` that `@main` makes the compiler call, wherever the lookup
// finds it: on the type an `@main extension` extends, as a class method of a superclass, in a protocol the named one
// refines. Each was a silent pass found by the twenty-third evasion sweep (run at run time, it read a variable or wrote a
// file).
import Glibc

/// `@main extension Runner {}` in another package: the compiler calls `Runner.main()`.
public struct Runner {
    public static func main() {
        _ = unlink("/tmp/capcheck-entry-runner")
    }
}

/// `@main final class Tool: BaseCommand {}`: the inherited `class func main()` runs.
open class BaseCommand {
    public required init() {}
    open class func main() {
        _ = getenv("CAPCHECK_ENTRY_BASE")
    }
}

/// `@main struct Tool: RefinedTool {}`: the `main()` of the protocol `RefinedTool` refines runs.
public protocol LaunchableTool {}

extension LaunchableTool {
    public static func main() {
        _ = rename("/tmp/capcheck-entry-a", "/tmp/capcheck-entry-b")
    }
}

public protocol RefinedTool: LaunchableTool {}
