import Crypto
import NIOCore
import NIOPosix
import NIOSSH

// Argument: the port to listen on (127.0.0.1 only).
let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 2222
let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

final class PasswordCheck: NIOSSHServerUserAuthenticationDelegate {
    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }
    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        guard request.username == "probe", case .password(let password) = request.request, password.password == "secret" else {
            return responsePromise.succeed(.failure)
        }
        responsePromise.succeed(.success)
    }
}

// The server answers an exec request itself: it echoes the command back and exits 0.
final class ServerExec: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData
    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let exec = event as? SSHChannelRequestEvent.ExecRequest else { return context.fireUserInboundEventTriggered(event) }
        if exec.wantReply { context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil) }
        let data = SSHChannelData(type: .channel, data: .byteBuffer(ByteBuffer(string: "ran: \(exec.command)\n")))
        context.writeAndFlush(wrapOutboundOut(data), promise: nil)
        context.channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 0)).whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

final class ClientPassword: NIOSSHClientUserAuthenticationDelegate {
    func nextAuthenticationType(availableMethods: NIOSSHAvailableUserAuthenticationMethods,
                                nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>) {
        nextChallengePromise.succeed(.init(username: "probe", serviceName: "", offer: .password(.init(password: "secret"))))
    }
}

final class TrustThisHost: NIOSSHClientServerAuthenticationDelegate {
    let expected: NIOSSHPublicKey
    init(expected: NIOSSHPublicKey) { self.expected = expected }
    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        hostKey == expected ? validationCompletePromise.succeed(()) : validationCompletePromise.fail(ChannelError.badInterfaceAddressFamily)
    }
}

final class ClientExec: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData
    let done: EventLoopPromise<Int>
    init(done: EventLoopPromise<Int>) { self.done = done }
    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }
    func channelActive(context: ChannelHandlerContext) {
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExecRequest(command: "uname", wantReply: true), promise: nil)
        context.fireChannelActive()
    }
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .byteBuffer(let bytes) = unwrapInboundIn(data).data { print(String(buffer: bytes), terminator: "") }
    }
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let status = event as? SSHChannelRequestEvent.ExitStatus { done.succeed(status.exitStatus) }
        context.fireUserInboundEventTriggered(event)
    }
}

let hostKey = NIOSSHPrivateKey(ed25519Key: Curve25519.Signing.PrivateKey())
let server = try ServerBootstrap(group: group)
    .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
    .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
            let ssh = NIOSSHHandler(role: .server(.init(hostKeys: [hostKey], userAuthDelegate: PasswordCheck(), globalRequestDelegate: nil)),
                                    allocator: channel.allocator,
                                    inboundChildChannelInitializer: { child, _ in child.pipeline.addHandler(ServerExec()) })
            try channel.pipeline.syncOperations.addHandler(ssh)
        }
    }
    .bind(host: "127.0.0.1", port: port).wait()

let client = try ClientBootstrap(group: group)
    .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
            let ssh = NIOSSHHandler(role: .client(.init(userAuthDelegate: ClientPassword(),
                                                        serverAuthDelegate: TrustThisHost(expected: hostKey.publicKey))),
                                    allocator: channel.allocator, inboundChildChannelInitializer: nil)
            try channel.pipeline.syncOperations.addHandler(ssh)
        }
    }
    .connect(host: "localhost", port: port).wait()

let done = client.eventLoop.makePromise(of: Int.self)
let session = try client.pipeline.handler(type: NIOSSHHandler.self).flatMap { ssh -> EventLoopFuture<Channel> in
    let promise = client.eventLoop.makePromise(of: Channel.self)
    ssh.createChannel(promise) { child, _ in child.pipeline.addHandler(ClientExec(done: done)) }
    return promise.futureResult
}.wait()
print("exit status", try done.futureResult.wait())
try? session.closeFuture.wait()
try client.close().wait()
try server.close().wait()
try group.syncShutdownGracefully()
