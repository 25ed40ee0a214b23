import HostLib
import UsedLib

print(usedLib() + hostLib())
