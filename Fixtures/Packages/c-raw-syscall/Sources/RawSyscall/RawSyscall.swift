// capcheck rule: raw system calls (fs through syscall(SYS_openat, …)).
import CRawSyscall

public func rawOpen(_ path: String) -> Int { capcheck_raw_open(path) }
public func rawPid() -> Int { capcheck_raw_pid() }
public func rawPointer() -> Int { capcheck_raw_pointer() }
