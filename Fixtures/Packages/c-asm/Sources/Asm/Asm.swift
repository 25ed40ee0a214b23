// capcheck rule: inline asm (the C function holds an asm statement).
import CAsm

public func barrierCount(_ value: UInt) -> UInt { UInt(capcheck_barrier_count(UInt(value))) }
