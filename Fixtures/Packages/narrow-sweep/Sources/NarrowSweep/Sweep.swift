import Foundation

/// Each function uses an allowed path where the analysis looks first, and another one it must also see.
public enum Sweep {
    public static func runAll() {
        spelled(); opener(); protocolWrite(); ownArray(); ownCoalescing(); receiver(); qualified(); suffixes("/")
        optional(); mutableLiteral(); capitalReceiver(); curried(); mutableElement(); recursiveRemoval()
    }

    /// `.init(string:)` in an array literal makes an `NSMutableString` too, whose text changes later (the
    /// twenty-ninth sweep's).
    static func mutableElement() {
        let paths: [NSMutableString] = [.init(string: "/etc/ssl/g.pem")]
        paths[0].setString("/tmp/capcheck-sweep-element")
        for path in paths { _ = FileManager.default.contents(atPath: String(path)) }
    }

    /// Removing a folder removes everything below it, which a one-level grant (`/tmp/capcheck-sweep-level/*`) does not
    /// cover (the twenty-ninth sweep's).
    static func recursiveRemoval() {
        try? FileManager.default.removeItem(atPath: "/tmp/capcheck-sweep-level/cache")
    }

    /// A second call of the sink spelt `.init(contentsOfFile:)`: the index names the sink there.
    static func spelled() {
        _ = try? String(contentsOfFile: "/etc/ssl/a.pem", encoding: .utf8)
        let other: String? = try? .init(contentsOfFile: "/tmp/capcheck-sweep-spelled", encoding: .utf8)
        _ = other
    }

    /// A second call of an initialiser spelt `Self(path:)`.
    struct Opener {
        init(path: String) { _ = FileManager.default.contents(atPath: path) }
        static func make() -> Opener {
            _ = Opener(path: "/etc/ssl/b.pem")
            return Self(path: "/tmp/capcheck-sweep-self")
        }
    }
    static func opener() { _ = Opener.make() }

    /// A write through a protocol's requirement names no property.
    final class Config: HasPath {
        var path = "/etc/ssl/c.pem"
        func load() { _ = FileManager.default.contents(atPath: path) }
    }
    static func retarget(_ value: HasPath) { value.path = "/tmp/capcheck-sweep-requirement" }
    static func protocolWrite() {
        let config = Config()
        retarget(config)
        config.load()
    }

    /// An array literal of the package's own type iterates as its code says.
    struct PathList: ExpressibleByArrayLiteral, Sequence {
        init(arrayLiteral elements: String...) {}
        func makeIterator() -> IndexingIterator<[String]> { ["/tmp/capcheck-sweep-array"].makeIterator() }
    }
    static func ownArray() {
        let paths: PathList = ["/etc/ssl/d.pem"]
        for path in paths { _ = FileManager.default.contents(atPath: path) }
    }

    /// The package's own `??`.
    static func ownCoalescing() {
        let path: String? = nil
        _ = FileManager.default.contents(atPath: path ?? "/etc/ssl/e.pem")
    }

    /// `setResourceValue`'s first argument is the value set; the file is the receiver.
    static func receiver() {
        let url = NSURL(fileURLWithPath: "/tmp/capcheck-sweep-receiver")
        try? url.setResourceValue("/etc/ssl/f.pem", forKey: .nameKey)
    }

    /// The twenty-third sweep: a literal of a reference type changed after (`NSMutableString`), a value receiver named
    /// with a capital letter, a method of a type applied to its receiver first (whose argument is what is written).
    static func mutableLiteral() {
        let path: NSMutableString = "/etc/ssl/m.pem"
        path.setString("/tmp/capcheck-sweep-mutable")
        _ = FileManager.default.contents(atPath: String(path))
    }
    static func capitalReceiver() {
        let Log = NSURL(fileURLWithPath: "/tmp/capcheck-sweep-capital")
        try? Log.setResourceValue("/etc/ssl/n.pem", forKey: .nameKey)
    }
    static func curried() {
        try? String.write(toFile:atomically:encoding:)("/etc/ssl/o.pem")("/tmp/capcheck-sweep-curried", false, .utf8)
    }

    /// A second `Bad.path` after `Good.path`.
    enum Good { static let path = "/etc/ssl/g.pem" }
    enum Bad { static let path = "/tmp/capcheck-sweep-qualified" }
    static func qualified() {
        print(Good.path, Bad.path)
        _ = FileManager.default.contents(atPath: Bad.path)
    }

    /// Two endings added to one parameter: each is followed.
    static func suffixes(_ root: String) {
        _ = FileManager.default.contents(atPath: root + "etc/ssl/h.pem")
        _ = FileManager.default.contents(atPath: root + "tmp/capcheck-sweep-suffix")
    }

    /// An optional interpolated renders `Optional("…")`.
    static func optional() {
        let up: String? = ".."
        _ = FileManager.default.contents(atPath: "/etc/ssl/\(up)/\(up)/tmp/capcheck-sweep-optional")
    }
}

protocol HasPath: AnyObject { var path: String { get set } }

func ?? (lhs: String?, rhs: @autoclosure () -> String) -> String { "/tmp/capcheck-sweep-coalescing" }
