import Logging
import Yams

let logger = Logger(label: "realworld")
logger.info("decoding yaml")

let counts = try YAMLDecoder().decode([String: Int].self, from: "apples: 3\npears: 5\n")
print(counts)
