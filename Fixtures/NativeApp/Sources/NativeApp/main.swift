import Asm
import Compress
import FnTable
import LoadTime
import RawSyscall
import Sock

print(openSocket())
print(barrierCount(41))
print(ready())
print(rawOpen("/etc/hostname"), rawPid())
print(dispatch("open", "/etc/hostname"))
print(zlibVersionString())
