import Yams

let settings = try YAMLDecoder().decode([String: Int].self, from: "a: 1")
let node = try Yams.load(yaml: "b: [1, 2]")
print(settings, node as Any, try Yams.dump(object: ["c": 3]))
