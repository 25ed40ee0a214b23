import GrantedFS
import WitnessFS

writeLog("started")
makeSink().write("x")
