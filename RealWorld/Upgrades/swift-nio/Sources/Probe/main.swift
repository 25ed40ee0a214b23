import NIOCore
import NIOPosix
let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let bootstrap = ServerBootstrap(group: group)
let channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
try channel.close().wait()
try group.syncShutdownGracefully()
