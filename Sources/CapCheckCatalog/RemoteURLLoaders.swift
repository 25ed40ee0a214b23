import CapCheckModel

/// Foundation's loaders that take a URL (`Data(contentsOf:)`, `String(contentsOf:encoding:)`, `XMLParser(contentsOf:)`, …)
/// read a file, and fetch an `http:` or `ftp:` URL over the network when the program has FoundationNetworking: they
/// hand a URL that is not a file's to its loader (`_NSNonfileURLContentLoader`), and without it they stop the program
/// ("You must link or load module FoundationNetworking"; checked on Swift 6.3.1 for each listed here). So where the
/// program links FoundationNetworking (a module the root's targets link imports it), each needs `net` as well as `fs`.
/// (`String(contentsOf:)` without an encoding reads the URL's path as a file whatever its scheme.) A program that loads
/// FoundationNetworking with `dlopen` is not seen: the package calling `dlopen` reaches `ffi` for it (swift-nio calls
/// `dlopen` for another purpose, so counting any call would give every such graph's file readers `net`).
package enum RemoteURLLoaders {
    /// Catalog member keys (`family:Type.member(labels)`).
    static let members: Set<String> = [
        "Foundation:Data.init(contentsOf:options:)",
        "Foundation:String.init(contentsOf:encoding:)", "Foundation:String.init(contentsOf:usedEncoding:)",
        "Foundation:NSData.init(contentsOf:)", "Foundation:NSData.init(contentsOf:options:)",
        "Foundation:NSMutableData.init(contentsOf:)", "Foundation:NSMutableData.init(contentsOf:options:)",
        "Foundation:NSString.init(contentsOf:encoding:)", "Foundation:NSString.init(contentsOf:usedEncoding:)",
        "Foundation:NSArray.init(contentsOf:)", "Foundation:NSArray.init(contentsOf:error:)",
        "Foundation:NSDictionary.init(contentsOf:)",
        "Foundation:XMLDocument.init(contentsOf:options:)", "Foundation:XMLDTD.init(contentsOf:options:)",
        "Foundation:XMLParser.init(contentsOf:)",
    ]

    /// The module whose presence makes the loaders fetch.
    package static let networkingModule = "FoundationNetworking"

    /// `match` for the member under `key`, needing `net` too when it is a loader and the program can fetch.
    static func adjusted(_ match: SinkMatch, key: String, programFetches: Bool) -> SinkMatch {
        guard programFetches, members.contains(key), !match.capabilities.contains(.net) else { return match }
        var adjusted = match
        adjusted.alsoNeeds.append(.net)
        return adjusted
    }
}
