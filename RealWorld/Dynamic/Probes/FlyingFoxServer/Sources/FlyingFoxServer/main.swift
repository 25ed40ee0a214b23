import Foundation
import FlyingFox
import FlyingSocks

// The probe writes the served file itself (the root's own fs); the server reads it (FlyingFox's
// DirectoryHTTPHandler), and FlyingSocks makes every socket. The port comes from run.sh.
let port = UInt16(CommandLine.arguments.dropFirst().first ?? "") ?? 8080
let folder = URL(fileURLWithPath: CommandLine.arguments.dropFirst(2).first ?? "www")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
try Data("hello\n".utf8).write(to: folder.appendingPathComponent("index.html"))

let server = HTTPServer(address: .loopback(port: port), logger: .disabled)
await server.appendRoute("GET /files/*", to: DirectoryHTTPHandler(root: folder, serverPath: "files"))
await server.appendRoute("GET /hello") { _ in HTTPResponse(statusCode: .ok, body: Data("hi".utf8)) }
let running = Task { try await server.run() }
try await server.waitUntilListening()

var client = HTTPClient()
for path in ["/hello", "/files/index.html"] {
    let request = HTTPRequest(method: .GET, version: .http11, path: path, query: [], headers: [:], body: Data())
    let response = try await client.sendHTTPRequest(request, to: .loopback(port: port))
    print(path, response.statusCode.code, try await response.bodyData.count)
}
await server.stop(timeout: 1)
running.cancel()
