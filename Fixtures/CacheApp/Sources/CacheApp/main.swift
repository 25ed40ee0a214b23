import CacheCDep
import CacheSwiftDep

swiftEntry()
cEntry()
