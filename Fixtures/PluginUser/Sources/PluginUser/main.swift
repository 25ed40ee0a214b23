import GrantedFS
import Probed
import WitnessFS

writeLog("started")
makeSink().write("x")
print(probedAnswer())
