import InitChild
import InitParent
import Sock

saveReport("Daily")
print(cacheExists())
_ = openSocket()
