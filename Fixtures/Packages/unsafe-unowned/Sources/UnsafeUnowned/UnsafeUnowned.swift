public final class Owner {
    public let name = "owner"
    public init() {}
}

/// Holds its owner without retaining it or checking that it is still alive: a dangling read is undefined behaviour.
public final class Borrower {
    unowned(unsafe) let owner: Owner

    public init(_ owner: Owner) { self.owner = owner }

    public func ownerName() -> String { String(owner.name.prefix(rawWordSize())) }
}
