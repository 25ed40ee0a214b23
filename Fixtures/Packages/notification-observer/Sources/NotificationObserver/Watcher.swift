// capcheck: a `NotificationCenter` observer. `ConfigWatcher()` registers a closure that runs when someone posts
// `ConfigWatcher.reload`; the post names only the notification.
import Foundation

public final class ConfigWatcher {
    public static let reload = Notification.Name("ConfigWatcher.reload")
    private var token: NSObjectProtocol?

    public init() {
        token = NotificationCenter.default.addObserver(forName: ConfigWatcher.reload, object: nil, queue: nil) { _ in
            _ = FileManager.default.contents(atPath: "/etc/hostname")
        }
    }
}
