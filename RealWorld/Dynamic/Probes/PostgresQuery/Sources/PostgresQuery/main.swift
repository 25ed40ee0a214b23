import Logging
import NIOPosix
import PostgresNIO

// Arguments: the cluster's TCP port and the folder of its Unix socket.
let arguments = Array(CommandLine.arguments.dropFirst())
let port = Int(arguments.first ?? "") ?? 5432
let socketFolder = arguments.count > 1 ? arguments[1] : "/tmp"
let logger = Logger(label: "probe")

// A pooled client over TCP, by host name.
let config = PostgresClient.Configuration(host: "localhost", port: port, username: "probe", password: "probe-secret",
                                          database: "postgres", tls: .disable)
let client = PostgresClient(configuration: config, backgroundLogger: logger)
try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { await client.run() }
    let rows = try await client.query("SELECT 40 + \(2) AS answer", logger: logger)
    for try await (answer) in rows.decode(Int.self) { print("tcp", answer) }
    group.cancelAll()
}

// One connection over the Unix socket.
let socketConfig = PostgresConnection.Configuration(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: "probe",
                                                    password: "probe-secret", database: "postgres")
let connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                      configuration: socketConfig, id: 1, logger: logger).get()
let rows: PostgresRowSequence = try await connection.query(PostgresQuery(unsafeSQL: "SELECT current_user"), logger: logger)
for try await (user) in rows.decode(String.self) { print("unix", user) }
let _: Void = try await connection.close()
