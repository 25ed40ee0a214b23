import Configuration
import Foundation
import SystemPackage

// The probe writes its configuration files itself (the root's own fs) into the folder run.sh names; every read of
// them, of the environment and the access log's writes are swift-configuration's (and swift-system's) code.
let folder = CommandLine.arguments.dropFirst().first ?? "config"
try FileManager.default.createDirectory(atPath: folder + "/secrets", withIntermediateDirectories: true)
try Data(#"{"http": {"port": 8081, "host": "127.0.0.1"}}"#.utf8).write(to: URL(fileURLWithPath: folder + "/config.json"))
try Data("APP_NAME=probe\nHTTP_TIMEOUT=30\n".utf8).write(to: URL(fileURLWithPath: folder + "/app.env"))
try Data("s3cret".utf8).write(to: URL(fileURLWithPath: folder + "/secrets/db-password"))

let providers: [any ConfigProvider] = [
    EnvironmentVariablesProvider(),
    try await EnvironmentVariablesProvider(environmentFilePath: FilePath(folder + "/app.env")),
    try await FileProvider<JSONSnapshot>(filePath: FilePath(folder + "/config.json")),
    try await DirectoryFilesProvider(directoryPath: FilePath(folder + "/secrets")),
]
let logger = try FileAccessLogger(filePath: FilePath(folder + "/access.log"))
let config = ConfigReader(providers: providers, accessReporter: logger)
print(config.string(forKey: "home") ?? "-", config.string(forKey: "app.name") ?? "-", config.int(forKey: "http.port") ?? 0,
      config.int(forKey: "http.timeout") ?? 0, config.string(forKey: "db.password", isSecret: true) ?? "-")
