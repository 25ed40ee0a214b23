import GatedLib
import HostLib
import UsedLib

print(usedLib() + hostLib() + gatedLib())
