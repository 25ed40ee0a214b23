import Callback
import ClosureFS
import DecoderLatent
import DeinitFS
import DescriptionFS
import Foundation
import GlobalInitFS
import GrantedFS
import LatentFS
import NestedParent
import Sock
import WitnessFS

makeSink().write("x")
Saver().run()
print(banner())
_ = TempToken()
print(Report())
_ = openSocket()
_ = add(1, 2)
withRetry { _ = FileManager.default.createFile(atPath: "/tmp/capcheck-callback", contents: nil) }
writeLog("hello")
_ = loadSettings()
_ = try? JSONDecoder().decode(Settings.self, from: Data(#"{"name": "demo"}"#.utf8))
runSteps([NoOp()])
