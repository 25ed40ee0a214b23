// capcheck rule: a C function written in file-scope asm stands for inline asm (unsafe and ffi).
import CAsmFunction

public func asmAnswer() -> Int { Int(capcheck_asm_function()) }
