import ArgumentParser
import AsyncHTTPClient
import Crypto
import DequeModule
import Foundation
import GRDB
import Logging
import NIOPosix
import Vapor
import Yams
import ZIPFoundation

/// Uses each package the way an app would. Never run: capcheck only builds and analyses it.
@main
struct Probe: AsyncParsableCommand {
    @ArgumentParser.Option var url = "https://example.com"

    func run() async throws {
        var queue = Deque([1, 2, 3])                                         // swift-collections
        queue.append(4)
        Logger(label: "probe").info("queue \(queue.count)")                   // swift-log
        let settings = try YAMLDecoder().decode([String: Int].self, from: "a: 1") // Yams
        let digest = SHA256.hash(data: Data("probe".utf8))                    // swift-crypto
        let database = try DatabaseQueue(path: "/tmp/probe.sqlite")           // GRDB
        try await database.write { try $0.execute(sql: "CREATE TABLE IF NOT EXISTS t (x)") }
        let archive = try Archive(url: URL(fileURLWithPath: "/tmp/probe.zip"), accessMode: .create) // ZIPFoundation
        try archive.addEntry(with: "digest", type: .file, uncompressedSize: Int64(32)) { _, _ in Data(digest) }
        let response = try await HTTPClient.shared.get(url: url).get()        // async-http-client
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)           // swift-nio
        let channel = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        try await channel.close()
        let app = try await Application.make(.testing)                         // vapor
        app.get("status") { _ in "\(response.status) \(settings.count)" }
        try await app.asyncShutdown()
    }
}
