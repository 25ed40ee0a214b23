// Catalog probe: nothing: everyday pure APIs and writes to descriptors already open.
import Foundation
import Glibc

public func probe() -> String {
    struct Item: Codable { var name: String; var tags: [String: Int] }
    let item = Item(name: "probe", tags: ["a": 1])
    let data = (try? JSONEncoder().encode(item)) ?? Data()
    let decoded = try? JSONDecoder().decode(Item.self, from: data)
    let date = Date(timeIntervalSince1970: 0).addingTimeInterval(60)
    let day = Calendar(identifier: .gregorian).component(.day, from: date)
    let id = UUID().uuidString.lowercased()
    let words = "a b c".components(separatedBy: " ").sorted().joined(separator: ",")
    var numbers = [3, 1, 2]
    numbers.append(4)
    let total = numbers.reduce(0, +) + (decoded?.tags["a"] ?? 0) + day
    let url = URL(string: "https://example.com/a")!.appendingPathComponent("b").lastPathComponent
    FileHandle.standardError.write(Data("probe\n".utf8))
    _ = write(1, "", 0)
    print(words, total, url, id.count)
    return words
}
