import NIOPosix
import Yams

// Yams' default encoding reads YAMS_DEFAULT_ENCODING; NIO's singleton group sizes itself from the environment
// and the cgroup files.
let document = try Yams.load(yaml: "name: probe\nitems: [1, 2]")
print(document.map { "\($0)" } ?? "nil")
let answer = try await MultiThreadedEventLoopGroup.singleton.next().submit { 42 }.get()
print(answer)
