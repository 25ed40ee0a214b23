import AsyncHTTPClient

// `localhost`, not an address: the name goes through the resolver as a real host name would.
let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 8080
let request = HTTPClientRequest(url: "http://localhost:\(port)/")
let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
let body = try await response.body.collect(upTo: 1 << 20)
print(response.status.code, body.readableBytes)
