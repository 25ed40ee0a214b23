// Catalog probe: fs through Dispatch: a channel opened by path.
import Dispatch

public func probe() {
    let channel = DispatchIO(type: .stream, path: "/tmp/capcheck-probe", oflag: 0, mode: 0, queue: .main) { _ in }
    channel?.close()
}
