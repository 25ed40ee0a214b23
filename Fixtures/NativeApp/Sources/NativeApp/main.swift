import Asm
import CAutolink
import AsmFunction
import AsmLabel
import CNativeShim
import Compress
import CPragmaAlias
import CxxObjects
import FnTable
import HeaderOnly
import Interpose
import LoadTime
import MacroTriggers
import HeaderContext
import RawSyscall
import Sock
import SwiftName
import SystemHeader

print(openSocket())
print(barrierCount(41))
print(asmAnswer())
print(ready())
print(rawOpen("/etc/hostname"), rawPid(), rawPointer())
print(dispatch("open", "/etc/hostname"), runHooks("/tmp/capcheck-fixture-none"), warmOps())
print(zlibVersionString())
print(MacroTriggers.barrier(1), MacroTriggers.rawOpen(), MacroTriggers.headerUsers(), MacroTriggers.setting() ?? "")
print(AsmLabel.quietOpen("/etc/hostname"), AsmLabel.probe(), AsmLabel.tables(), AsmLabel.versioned(), AsmLabel.swiftOnly(), AsmLabel.headerVersioned())
print(HeaderOnly.openIt("/etc/hostname"), HeaderOnly.removeIt("/tmp/capcheck-fixture-none"))
capcheck_pragma_weak_alias()
capcheck_pragma_macro_alias()
print(capcheck_quiet_rmdir("/tmp/capcheck-fixture-none"))
print(capcheck_scoped())
print(capcheck_weakref_probe(), capcheck_catalogued(), capcheck_quiet_system_probe())
print(interposeVersion())
print(performTask())
print(setReading(3))
print(capcheck_autolink_version())
print(native_app_make_folder("/tmp/capcheck-fixture-none"))
print(openThroughSystemHeader("/etc/hostname"))
HeaderContext.runAll()
