/// A protocol both narrow-store (which conforms) and narrow-summ (which calls it) depend on.
public protocol Reader {
    func read(path: String) -> Int
}
