import Vapor

let app = try await Application.make(.detect())
app.get("hello") { _ in "Hello, world!" }
try await app.execute()
try await app.asyncShutdown()
