import Foundation
import LoopbackClient
import Vapor

// Vapor's template entry point, run as `VaporServer serve --hostname 127.0.0.1 --port N`.
var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
app.get("hello") { _ in "hello" }
let port = CommandLine.arguments.firstIndex(of: "--port").flatMap { Int(CommandLine.arguments[$0 + 1]) } ?? 8080
Thread.detachNewThread { requestOnceThenExit(port: port) }
try await app.execute()
try await app.asyncShutdown()
