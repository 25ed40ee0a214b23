import CapCheckSupport
import CapCheckModel

/// The reviewed rules from which `CatalogGenerator` derives the Swift side of the sink catalog.
///
/// Reviewing a change here is reviewing capcheck's view of the toolchain: every rule says which declarations
/// need which capability and why. Principle: authority comes from *acquiring* a resource by name (a path, a
/// host, a program, a variable). Using something already acquired (reading an open `FileHandle`, writing to
/// stdout, configuring a `Process` before it runs) is no capability, and neither is computing a path.
///
/// Order matters: a declaration gets the capability of the first rule that selects it, so effects (fs, net,
/// exec, env) come before `unsafe`; `FileManager.fileExists(atPath:isDirectory:)` takes a raw pointer but is
/// reported as the `fs` it is.
public enum CatalogRules {
    public static let stdlib = CatalogArea(
        file: "stdlib", title: "Swift standard library (Swift, _Concurrency, _StringProcessing, Synchronization)",
        family: "Swift", modules: ["Swift", "_Concurrency", "_StringProcessing", "Synchronization"],
        interfaceModules: ["Swift", "_Concurrency", "_StringProcessing", "Synchronization"])
    public static let foundation = CatalogArea(
        file: "foundation",
        title: "Foundation family (Foundation, FoundationEssentials, FoundationNetworking, FoundationXML, FoundationInternationalization)",
        family: "Foundation",
        modules: ["FoundationEssentials", "Foundation", "FoundationNetworking", "FoundationXML", "FoundationInternationalization"],
        interfaceModules: [])
    public static let dispatch = CatalogArea(
        file: "dispatch", title: "Dispatch", family: "Dispatch", modules: ["Dispatch"], interfaceModules: [])

    /// The areas, one generated resource file each.
    public static let areas = [stdlib, foundation, dispatch]

    public static let all: [CatalogRule] = fileSystem + network + processes + environment + unsafe

    // MARK: fs — acquire or change filesystem objects by path

    package static let fileSystem: [CatalogRule] = [
        CatalogRule(
            id: "FileManager", capability: .fs, areas: [foundation],
            selection: .everyMember(of: "FileManager", except: [
                // Obtaining or configuring a manager touches nothing.
                "default", "init()", "delegate",
                // Converting between path strings and C strings (the raw-pointer ones are `unsafe` below).
                "fileSystemRepresentation(withPath:)", "string(withFileSystemRepresentation:length:)",
                "withFileSystemRepresentation(for:_:)",
                // Computing a well-known location is not acquiring it. (`homeDirectoryForCurrentUser` reads the user
                // database and `urls(for:in:)` `~/.config/user-dirs.dirs` on Linux, whose text comes back: sinks.)
                "currentDirectoryPath", "temporaryDirectory",
            ]),
            note: "reads, writes, creates, moves, deletes or inspects files and directories by path or URL"),
        CatalogRule(
            id: "FileHandle", capability: .fs, areas: [foundation],
            selection: .members([
                "init(forReadingAtPath:)", "init(forWritingAtPath:)", "init(forUpdatingAtPath:)",
                "init(forReadingFrom:)", "init(forWritingTo:)", "init(forUpdating:)",
            ], of: "FileHandle"),
            note: "opens a file by path or URL (reading and writing an open handle is pure)"),
        CatalogRule(
            id: "Data", capability: .fs, areas: [foundation],
            selection: .members(["init(contentsOf:options:)", "write(to:options:)"], of: "Data"),
            note: "reads or writes a whole file"),
        CatalogRule(
            id: "String", capability: .fs, areas: [foundation],
            selection: .members([
                "init(contentsOfFile:)", "init(contentsOfFile:encoding:)", "init(contentsOfFile:usedEncoding:)",
                "init(contentsOf:)", "init(contentsOf:encoding:)", "init(contentsOf:usedEncoding:)",
            ], of: "String"),
            note: "reads a file into a string"),
        CatalogRule(
            id: "StringProtocol", capability: .fs, areas: [foundation],
            selection: .members(["write(toFile:atomically:encoding:)", "write(to:atomically:encoding:)"], of: "StringProtocol"),
            note: "writes a string to a file"),
        CatalogRule(
            id: "NSData", capability: .fs, areas: [foundation],
            selection: .members([
                "init(contentsOfFile:)", "init(contentsOfFile:options:)", "init(contentsOf:)", "init(contentsOf:options:)",
                "write(toFile:atomically:)", "write(toFile:options:)", "write(to:atomically:)", "write(to:options:)",
            ], of: "NSData"),
            note: "reads or writes a whole file"),
        CatalogRule(
            id: "NSMutableData", capability: .fs, areas: [foundation],
            selection: .members([
                "init(contentsOfFile:)", "init(contentsOfFile:options:)", "init(contentsOf:)", "init(contentsOf:options:)",
            ], of: "NSMutableData"),
            note: "reads a whole file"),
        CatalogRule(
            id: "NSString", capability: .fs, areas: [foundation],
            selection: .members([
                "init(contentsOf:encoding:)", "init(contentsOfFile:encoding:)", "init(contentsOf:usedEncoding:)",
                "init(contentsOfFile:usedEncoding:)", "write(toFile:atomically:encoding:)", "write(to:atomically:encoding:)",
                // `~user` reads the user database; completing a path lists a folder; standardizing reads symbolic links.
                "expandingTildeInPath", "completePath(into:caseSensitive:matchesInto:filterTypes:)", "standardizingPath",
            ], of: "NSString"),
            note: "reads or writes a file as text, lists a folder to complete a path, or reads links and the user database to expand one"),
        CatalogRule(
            id: "NSArray", capability: .fs, areas: [foundation],
            selection: .members(["init(contentsOfFile:)", "init(contentsOf:)", "init(contentsOf:error:)", "write(toFile:atomically:)", "write(to:atomically:)",
                                 "write(to:)"], of: "NSArray"),
            note: "reads or writes a property-list file"),
        CatalogRule(
            id: "NSDictionary", capability: .fs, areas: [foundation],
            selection: .members(["init(contentsOfFile:)", "init(contentsOf:)", "write(toFile:atomically:)", "write(to:atomically:)"], of: "NSDictionary"),
            note: "reads or writes a property-list file"),
        CatalogRule(
            id: "NSKeyedArchiver", capability: .fs, areas: [foundation],
            selection: .members(["archiveRootObject(_:toFile:)"], of: "NSKeyedArchiver"),
            note: "writes an archive file"),
        CatalogRule(
            id: "NSKeyedUnarchiver", capability: .fs, areas: [foundation],
            selection: .members(["unarchiveObject(withFile:)"], of: "NSKeyedUnarchiver"),
            note: "reads an archive file"),
        CatalogRule(
            id: "CharacterSet", capability: .fs, areas: [foundation],
            selection: .members(["init(contentsOfFile:)"], of: "CharacterSet"),
            note: "reads a bitmap file"),
        CatalogRule(
            id: "NSCharacterSet", capability: .fs, areas: [foundation],
            selection: .members(["init(contentsOfFile:)"], of: "NSCharacterSet"),
            note: "reads a bitmap file"),
        CatalogRule(
            id: "InputStream", capability: .fs, areas: [foundation],
            selection: .members(["init(fileAtPath:)", "init(url:)"], of: "InputStream"),
            note: "opens a file (or URL) for streaming"),
        CatalogRule(
            id: "OutputStream", capability: .fs, areas: [foundation],
            selection: .members(["init(toFileAtPath:append:)", "init(url:append:)"], of: "OutputStream"),
            note: "opens a file (or URL) for streaming"),
        CatalogRule(
            id: "URL", capability: .fs, areas: [foundation],
            selection: .members([
                "resourceValues(forKeys:)", "setResourceValues(_:)", "checkResourceIsReachable()",
                "resolvingSymlinksInPath()", "resolveSymlinksInPath()", "init(fileReferenceLiteralResourceName:)",
                "homeDirectory(forUser:)",  // reads the user database, as `FileManager.homeDirectory(forUser:)` does
                "homeDirectory",  // the current user's, from the user database too (`HOME` is not read on Linux)
                "standardizedFileURL",  // stats each component and reads its links (`readlink`), as strace showed
            ], of: "URL"),
            note: "reads or changes file attributes, checks reachability or resolves links on disk"),
        CatalogRule(
            id: "NSURL", capability: .fs, areas: [foundation],
            selection: .members([
                "checkResourceIsReachable()", "getResourceValue(_:forKey:)", "resourceValues(forKeys:)",
                "setResourceValue(_:forKey:)", "setResourceValues(_:)", "resolvingSymlinksInPath",
                "standardizingPath",  // reads links, as `NSString.standardizingPath` does
            ], of: "NSURL"),
            note: "reads or changes file attributes, checks reachability or resolves links on disk"),
        CatalogRule(
            id: "Bundle", capability: .fs, areas: [foundation],
            selection: .everyMember(of: "Bundle", except: [
                // Naming a bundle, comparing bundles and reading where it is touch nothing on disk.
                "main", "init(for:)", "allBundles", "allFrameworks", "isEqual(_:)", "hash", "description",
                "bundleURL", "bundlePath",
            ]),
            note: "loads bundles, their Info.plist, code and resource files from disk"),
        CatalogRule(
            id: "XMLDocument", capability: .fs, areas: [foundation],
            // Parsing a string or data with `.nodeLoadExternalEntitiesAlways` reads the files its entities name.
            selection: .members(["init(contentsOf:options:)", "init(xmlString:options:)", "init(data:options:)", "validate()"], of: "XMLDocument"),
            note: "reads an XML file (or URL), or the files a document's external entities name"),
        CatalogRule(
            id: "XMLDTD", capability: .fs, areas: [foundation],
            selection: .members(["init(contentsOf:options:)", "init(data:options:)"], of: "XMLDTD"),
            note: "reads a DTD file (or URL), or the files its parameter entities name"),
        CatalogRule(
            id: "XMLElement", capability: .fs, areas: [foundation],
            selection: .members(["init(xmlString:)"], of: "XMLElement"),
            note: "parses XML whose external entities read the files (or URLs) they name"),
        CatalogRule(
            id: "XMLNode (DTD nodes)", capability: .fs, areas: [foundation],
            selection: .members(["dtdNode(withXMLString:)"], of: "XMLNode"),
            note: "parses a DTD declaration whose parameter entities read the files (or URLs) they name"),
        CatalogRule(
            id: "XMLDTDNode", capability: .fs, areas: [foundation],
            selection: .members(["init(xmlString:)"], of: "XMLDTDNode"),
            note: "parses a DTD declaration whose parameter entities read the files (or URLs) they name"),
        CatalogRule(
            id: "XMLParser", capability: .fs, areas: [foundation],
            // Turning on external entities makes `parse()` read the files (`file:///etc/hostname`) a document names.
            selection: .members(["init(contentsOf:)", "shouldResolveExternalEntities", "externalEntityResolvingPolicy"], of: "XMLParser"),
            note: "reads an XML file (or URL), or lets a document read the files its external entities name"),
        CatalogRule(
            id: "UserDefaults", capability: .fs, areas: [foundation],
            selection: .everyMember(of: "UserDefaults", except: ["didChangeNotification"]),  // a notification name
            note: "reads and writes the defaults' property-list files (`~/.config/<app>.plist`)"),
        CatalogRule(
            id: "HTTPCookieStorage", capability: .fs, areas: [foundation],
            selection: .everyMember(of: "HTTPCookieStorage", except: []),
            note: "reads and writes the shared cookie file (`~/.local/share/<app>/.cookies.shared`)"),
        CatalogRule(
            id: "URLCache", capability: .fs, areas: [foundation],
            selection: .everyMember(of: "URLCache", except: []),
            note: "creates and writes a disk cache (a folder it is given, or one under `~/.cache`)"),
        CatalogRule(
            id: "ProcessInfo (user database)", capability: .fs, areas: [foundation],
            selection: .members(["userName", "fullUserName"], of: "ProcessInfo"),
            note: "reads the user database (`/etc/passwd`), as C's getpwuid does"),
        CatalogRule(
            id: "user database functions", capability: .fs, areas: [foundation],
            selection: .members(["NSUserName()", "NSFullUserName()", "NSHomeDirectoryForUser(_:)", "NSHomeDirectory()"], of: ""),
            note: "reads the user database (`/etc/passwd`), as C's getpwnam does"),
        CatalogRule(
            id: "search paths", capability: .fs, areas: [foundation],
            selection: .members(["NSSearchPathForDirectoriesInDomains(_:_:_:)"], of: ""),
            note: "reads `~/.config/user-dirs.dirs` (or `$XDG_CONFIG_HOME`'s), `/etc/xdg/user-dirs.defaults` and the user database, and returns what they say"),
        CatalogRule(
            id: "URLSession (storage)", capability: .fs, areas: [foundation],
            selection: .members(["shared", "init(configuration:)", "init(configuration:delegate:delegateQueue:)"], of: "URLSession"),
            note: "creates the cookie and cache folders under `~/.local/share` and `~/.cache` and reads the shared cookie file"),
        CatalogRule(
            id: "URLSessionConfiguration", capability: .fs, areas: [foundation],
            selection: .members(["default", "ephemeral", "init()"], of: "URLSessionConfiguration"),
            note: "creates the cookie and cache folders under `~/.local/share` and `~/.cache` and reads the shared cookie file"),
        CatalogRule(
            id: "localized strings", capability: .fs, areas: [foundation],
            selection: .members(["NSLocalizedString(_:tableName:bundle:value:comment:)"], of: ""),
            note: "reads a `.strings` table from disk, as `Bundle.localizedString(forKey:value:table:)` does (the table name may climb out of the bundle)"),
        CatalogRule(
            id: "NSString (links)", capability: .fs, areas: [foundation],
            selection: .members(["resolvingSymlinksInPath"], of: "NSString"),
            note: "reads symbolic links on disk"),
        CatalogRule(
            id: "DispatchIO", capability: .fs, areas: [dispatch],
            selection: .members(["init(type:path:oflag:mode:queue:cleanupHandler:)"], of: "DispatchIO"),
            note: "opens a file by path (channels on an open descriptor are pure)"),
    ]

    // MARK: net — sockets, name resolution, URL loading

    package static let network: [CatalogRule] = [
        CatalogRule(
            id: "URLSession", capability: .net, areas: [foundation],
            selection: .everyMember(of: "URLSession", except: [
                // Creating, configuring and tearing down a session sends nothing; its tasks do.
                "shared", "configuration", "delegate", "delegateQueue", "sessionDescription",
                "init(configuration:)", "init(configuration:delegate:delegateQueue:)",
                "finishTasksAndInvalidate()", "invalidateAndCancel()", "getAllTasks(completionHandler:)",
                "getTasksWithCompletionHandler(_:)", "flush(completionHandler:)", "reset(completionHandler:)",
            ]),
            note: "loads URLs over the network"),
        CatalogRule(
            id: "URLSessionTask", capability: .net, areas: [foundation],
            selection: .members(["resume()"], of: "URLSessionTask"),
            note: "starts a network transfer"),
        CatalogRule(
            id: "Host", capability: .net, areas: [foundation],
            selection: .everyMember(of: "Host", except: ["isEqual(to:)", "localizedName"]),
            note: "resolves host names and addresses"),
        CatalogRule(
            id: "SocketPort", capability: .net, areas: [foundation],
            selection: .everyMember(of: "SocketPort", except: []),
            note: "listens on or connects to a TCP port"),
        // Stream.getStreamsToHost(withName:port:inputStream:outputStream:) does not exist in swift-corelibs-foundation.
    ]

    // MARK: exec — start or signal other processes

    package static let processes: [CatalogRule] = [
        CatalogRule(
            id: "Process", capability: .exec, areas: [foundation],
            selection: .members([
                "run()", "launch()", "run(_:arguments:terminationHandler:)", "launchedProcess(launchPath:arguments:)",
                "interrupt()", "terminate()", "suspend()", "resume()",
            ], of: "Process"),
            note: "starts a program or signals it (configuring a Process before it runs is pure)"),
    ]

    // MARK: env — read or change the environment

    package static let environment: [CatalogRule] = [
        CatalogRule(
            id: "ProcessInfo", capability: .env, areas: [foundation],
            selection: .members(["environment"], of: "ProcessInfo"),
            note: "reads the whole environment"),
        CatalogRule(
            id: "CommandLine.unsafeArgv", capability: .env, areas: [stdlib],
            selection: .members(["unsafeArgv"], of: "CommandLine"),
            note: "lends argv's pointers; past its end lies the environment block, readable through it"),
    ]

    // MARK: unsafe — what Swift's strict memory safety calls unsafe (SE-0458)

    package static let unsafe: [CatalogRule] = [
        CatalogRule(
            id: "@unsafe types", capability: .unsafe, areas: [stdlib],
            selection: .typesWithAttribute("unsafe"),
            note: "a type the interface marks @unsafe (raw pointers, Unmanaged, OpaquePointer, unsafe continuations…): naming it is a use"),
        CatalogRule(
            id: "@unsafe declarations", capability: .unsafe, areas: [stdlib],
            selection: .declarationsWithAttribute("unsafe"),
            note: "a declaration the interface marks @unsafe (unsafeBitCast, unsafeDowncast, unsafelyUnwrapped, unchecked ranges…)"),
        CatalogRule(
            id: "unsafe names", capability: .unsafe, areas: [stdlib, foundation, dispatch],
            selection: .baseNamePrefixes(["withUnsafe", "unsafe"]),
            note: "lends a raw pointer or buffer, or skips a check, as its name says"),
        CatalogRule(
            id: "unsafe signatures", capability: .unsafe, areas: [stdlib, foundation, dispatch],
            selection: .signatureNamesSelectedType,
            note: "takes, returns or lends an @unsafe type (String(cString:), Data(bytes:count:), withContiguousStorageIfAvailable…)"),
    ]
}
