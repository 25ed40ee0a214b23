// capcheck rule: function-pointer table (dispatch reaches the table's handlers, not every address-taken function).
import CFnTable

public func dispatch(_ command: String, _ argument: String) -> Int32 { capcheck_dispatch(command, argument) }
public func envHandler() -> UnsafeMutableRawPointer? { capcheck_env_handler() }
public func runHooks(_ path: String) -> Int32 { capcheck_run_hooks(path) }
public func warmOps() -> Int32 { capcheck_ops.prepare() + capcheck_ops.refresh() }
