import InitChild
import InitHub
import InitMiddle
import InitParent
import Sock

saveReport("Daily")
print(cacheExists())
_ = openSocket()
_ = hubRead()
middleSave()
