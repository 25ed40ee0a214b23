#if canImport(Glibc)
import Glibc
#endif

/// Connects to 127.0.0.1:`port` (retrying until the server listens), sends one `GET path`, prints the status line
/// and ends the process: the probe's run is over once one request was answered (exit 0 on `200 OK`).
public func requestOnceThenExit(port: Int, path: String = "/hello") -> Never {
    for _ in 0..<400 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected == 0 {
            let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            close(descriptor)
            let reply = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
            print(reply.split(separator: "\r\n").first.map(String.init) ?? "no reply")
            exit(reply.contains("200 OK") ? 0 : 3)
        }
        close(descriptor)
        usleep(50_000)
    }
    print("the server never listened")
    exit(4)
}
