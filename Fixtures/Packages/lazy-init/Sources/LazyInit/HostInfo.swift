// capcheck: a `lazy var`'s initial value runs on the first read of the property, from code that names only the
// property.
import Foundation

public final class HostInfo {
    public init() {}

    public lazy var name: String = String(decoding: FileManager.default.contents(atPath: "/etc/hostname") ?? Data(), as: UTF8.self)
}
