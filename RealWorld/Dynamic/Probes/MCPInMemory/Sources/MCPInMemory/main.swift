import MCP

let server = Server(name: "probe-server", version: "1.0.0", capabilities: .init(tools: .init()))
await server.withMethodHandler(ListTools.self) { _ in
    .init(tools: [Tool(name: "greet", description: "Says hello", inputSchema: .object(["type": .string("object")]))])
}
await server.withMethodHandler(CallTool.self) { params in
    .init(content: [.text("hello \(params.arguments?["name"]?.stringValue ?? "nobody")")], isError: false)
}
let (clientTransport, serverTransport) = await InMemoryTransport.createConnectedPair()
try await server.start(transport: serverTransport)

let client = Client(name: "probe-client", version: "1.0.0")
_ = try await client.connect(transport: clientTransport)
let (tools, _) = try await client.listTools()
let (content, isError) = try await client.callTool(name: "greet", arguments: ["name": .string("capcheck")])
print(tools.map(\.name), content, isError ?? false)
await client.disconnect()
await server.stop()
