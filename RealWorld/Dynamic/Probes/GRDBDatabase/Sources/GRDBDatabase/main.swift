import Foundation
import GRDB

let path = CommandLine.arguments.dropFirst().first ?? NSTemporaryDirectory() + "grdb-probe.sqlite"
let database = try DatabaseQueue(path: path)
try await database.write { db in
    try db.execute(sql: "CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT)")
    try db.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: ["hello"])
}
let count = try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note") ?? 0 }
print("notes:", count)
