import Foundation
import FoundationNetworking
import ProbeFSFoundation
import ProbeFSString
import ProbeURLLoader
import ProbeFSDispatch
import ProbeFSLibc
import ProbeNetFoundation
import ProbeNetLibc
import ProbeExecFoundation
import ProbeExecLibc
import ProbeEnvFoundation
import ProbeEnvLibc
import ProbeUnsafeStdlib
import ProbeUnsafePointer
import ProbeUnsafeFoundation
import ProbeFFIDlopen
import ProbePure

_ = ProbeFSFoundation.probe()
_ = ProbeFSString.probe()
_ = ProbeURLLoader.probe(URL(fileURLWithPath: CommandLine.arguments[0]))
_ = ProbeFSDispatch.probe()
_ = ProbeFSLibc.probe()
_ = ProbeNetFoundation.probe(URLSession.shared)
_ = ProbeNetLibc.probe()
_ = ProbeExecFoundation.probe()
_ = ProbeExecLibc.probe()
_ = ProbeEnvFoundation.probe()
_ = ProbeEnvLibc.probe()
_ = ProbeUnsafeStdlib.probe()
_ = ProbeUnsafePointer.probe()
_ = ProbeUnsafeFoundation.probe()
_ = ProbeFFIDlopen.probe()
_ = ProbePure.probe()
