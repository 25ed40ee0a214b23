import AliasUser
import CdeclHook
import InactivePayload
import SilgenSocket
import UnsafeUnowned

print(RawNet.open(), RawNet.lookUpGetenv(), RawNet.lookUpType(), RawNet.readBack())
print(cdeclVersion())
print(inactiveGreeting(), buildFlavour)
let owner = Owner()
print(Borrower(owner).ownerName())
print(GeneratedConfig.secret() ?? "", GeneratedElsewhere.probe())
print(aliasUserVersion())
