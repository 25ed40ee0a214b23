import Foundation
import LoopbackClient
import Hummingbird

// The five lines of issue 18, then a client in the same process.
let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 8080
let router = Router()
router.get("hello") { _, _ in "hello" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
Thread.detachNewThread { requestOnceThenExit(port: port) }
try await app.runService()
