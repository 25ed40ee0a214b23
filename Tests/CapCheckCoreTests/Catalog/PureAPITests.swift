@testable import CapCheckCore
import XCTest

/// Everyday toolchain APIs that need no capability: each is found among the toolchain's real declarations and
/// looked up in the shipped catalog by its real demangled USR, every overload of it. None may match.
final class PureAPITests: XCTestCase {
    static let pureAPIs = [
        // Coding
        "Foundation:JSONDecoder.init()", "Foundation:JSONDecoder.decode(_:from:)", "Foundation:JSONDecoder.keyDecodingStrategy",
        "Foundation:JSONEncoder.init()", "Foundation:JSONEncoder.encode(_:)", "Foundation:JSONEncoder.outputFormatting",
        "Foundation:PropertyListEncoder.encode(_:)", "Foundation:PropertyListDecoder.decode(_:from:)",
        "Foundation:JSONSerialization.jsonObject(with:options:)", "Foundation:JSONSerialization.data(withJSONObject:options:)",
        // Dates and calendars
        "Foundation:Date.init()", "Foundation:Date.now", "Foundation:Date.timeIntervalSince1970", "Foundation:Date.addingTimeInterval(_:)",
        "Foundation:Date.timeIntervalSince(_:)", "Foundation:Date.init(timeIntervalSince1970:)", "Foundation:Date.distantFuture",
        "Foundation:Calendar.current", "Foundation:Calendar.init(identifier:)", "Foundation:Calendar.date(byAdding:value:to:wrappingComponents:)",
        "Foundation:Calendar.component(_:from:)", "Foundation:Calendar.dateComponents(_:from:)", "Foundation:Calendar.startOfDay(for:)",
        "Foundation:TimeZone.current", "Foundation:TimeZone.init(identifier:)", "Foundation:Locale.current", "Foundation:Locale.init(identifier:)",
        "Foundation:DateFormatter.init()", "Foundation:DateFormatter.string(from:)", "Foundation:DateFormatter.dateFormat",
        "Foundation:ISO8601DateFormatter.string(from:)", "Foundation:NumberFormatter.string(from:)",
        // UUID, Data's in-memory API, URLs as values
        "Foundation:UUID.init()", "Foundation:UUID.uuidString", "Foundation:UUID.init(uuidString:)",
        "Foundation:Data.init()", "Foundation:Data.count", "Foundation:Data.init(base64Encoded:options:)",
        "Foundation:Data.base64EncodedString(options:)", "Foundation:Data.subdata(in:)", "Foundation:Data.startIndex",
        "Foundation:Data.subscript(_:)", "Foundation:Data.append(contentsOf:)", "Foundation:Data.init(repeating:count:)",
        "Foundation:URL.init(string:)", "Foundation:URL.appendingPathComponent(_:)", "Foundation:URL.lastPathComponent", "Foundation:URL.path",
        "Foundation:URL.deletingLastPathComponent()", "Foundation:URL.pathExtension", "Foundation:URL.init(fileURLWithPath:)",
        "Foundation:URL.absoluteString", "Foundation:URLComponents.init(string:)", "Foundation:URLComponents.queryItems",
        "Foundation:URLRequest.init(url:cachePolicy:timeoutInterval:)", "Foundation:URLRequest.httpMethod",
        // Foundation's string API
        "Foundation:StringProtocol.components(separatedBy:)", "Foundation:StringProtocol.trimmingCharacters(in:)",
        "Foundation:StringProtocol.replacingOccurrences(of:with:options:range:)", "Foundation:StringProtocol.data(using:allowLossyConversion:)",
        "Foundation:String.init(format:_:)", "Foundation:String.init(data:encoding:)", "Foundation:StringProtocol.range(of:options:range:locale:)",
        "Foundation:CharacterSet.whitespaces", "Foundation:CharacterSet.init(charactersIn:)",
        "Foundation:NSRegularExpression.init(pattern:options:)", "Foundation:NSRegularExpression.matches(in:options:range:)",
        // Using what is already acquired, and configuring before acquiring
        "Foundation:ProcessInfo.processInfo", "Foundation:ProcessInfo.processorCount", "Foundation:ProcessInfo.arguments",
        "Foundation:ProcessInfo.processIdentifier", "Foundation:FileManager.default", "Foundation:FileHandle.standardError",
        "Foundation:FileHandle.write(_:)", "Foundation:FileHandle.write(contentsOf:)", "Foundation:FileHandle.readDataToEndOfFile()",
        "Foundation:FileHandle.init(fileDescriptor:)", "Foundation:FileHandle.closeFile()", "Foundation:Process.init()",
        "Foundation:Process.executableURL", "Foundation:Process.arguments", "Foundation:Process.environment", "Foundation:Process.waitUntilExit()",
        "Foundation:Process.terminationStatus", "Foundation:URLSessionTask.cancel()",
        "Foundation:Pipe.init()", "Foundation:Pipe.fileHandleForReading", "Foundation:NSLock.lock()", "Foundation:NSLock.unlock()",
        "Foundation:NotificationCenter.default",
        // Dispatch
        "Dispatch:DispatchQueue.init(label:qos:attributes:autoreleaseFrequency:target:)", "Dispatch:DispatchQueue.sync(execute:)",
        "Dispatch:DispatchQueue.async(group:qos:flags:execute:)", "Dispatch:DispatchSemaphore.init(value:)", "Dispatch:DispatchSemaphore.wait()",
        "Dispatch:DispatchSemaphore.signal()", "Dispatch:DispatchGroup.init()", "Dispatch:DispatchTime.now()",
        // The standard library
        "Swift:print(_:separator:terminator:)", "Swift:debugPrint(_:separator:terminator:)", "Swift:String.init(describing:)",
        "Swift:String.count", "Swift:String.append(_:)", "Swift:String.hasPrefix(_:)", "Swift:String.lowercased()",
        "Swift:String.init(decoding:as:)", "Swift:String.utf8", "Swift:Array.append(_:)", "Swift:Array.init()", "Swift:Array.count",
        "Swift:Array.subscript(_:)", "Swift:Array.append(contentsOf:)", "Swift:Array.reserveCapacity(_:)", "Swift:Array.remove(at:)",
        "Swift:Sequence.map(_:)", "Swift:Sequence.reduce(_:_:)", "Swift:Sequence.sorted()", "Swift:Sequence.contains(_:)",
        "Swift:Dictionary.init()", "Swift:Dictionary.subscript(_:)", "Swift:Dictionary.keys", "Swift:Dictionary.values",
        "Swift:Dictionary.updateValue(_:forKey:)", "Swift:Dictionary.removeValue(forKey:)", "Swift:Dictionary.init(uniqueKeysWithValues:)",
        "Swift:Dictionary.merge(_:uniquingKeysWith:)", "Swift:Set.insert(_:)", "Swift:Set.contains(_:)", "Swift:Set.union(_:)",
        "Swift:BinaryInteger.description", "Swift:FixedWidthInteger.random(in:)", "Swift:Optional.map(_:)", "Swift:Result.get()", "Swift:Character.isLetter",
        "Swift:Regex.init(_:)", "Swift:Regex.firstMatch(in:)", "Swift:Regex.wholeMatch(in:)", "Swift:BidirectionalCollection.firstMatch(of:)",
        "Swift:Task.init(name:priority:operation:)", "Swift:Task.sleep(nanoseconds:)", "Swift:withCheckedContinuation(isolation:function:_:)",
        "Swift:CheckedContinuation.resume(returning:)", "Swift:Mutex.withLock(_:)", "Swift:AsyncStream.init(_:bufferingPolicy:_:)",
    ]

    func testAtLeastAHundredEverydayAPIsMatchNothing() throws {
        XCTAssertGreaterThanOrEqual(Set(Self.pureAPIs).count, 100)
        let generation = try GeneratedCatalog.generation()
        let catalog = try SinkCatalog.bundled()
        let demangler = try GeneratedCatalog.demangler()
        var bySelector: [String: [ToolchainSymbol]] = [:]
        for symbol in generation.symbols { bySelector[symbol.family + ":" + symbol.selector, default: []].append(symbol) }
        for api in Self.pureAPIs {
            guard let overloads = bySelector[api] else {
                let base = api.split(separator: "(").first.map(String.init) ?? api
                let near = bySelector.keys.filter { $0.hasPrefix(base) }.sorted().prefix(6)
                XCTFail("\(api) is not a public declaration of this toolchain (similar: \(near.joined(separator: ", ")))")
                continue
            }
            for symbol in overloads {
                let match = GeneratedCatalog.classify(symbol, catalog: catalog, demangler: demangler)
                XCTAssertNil(match, "\(api) (\(demangler.demangle(usr: symbol.usr) ?? symbol.usr)) matched \(match?.name ?? "")")
            }
        }
    }

    /// Using a descriptor that is already open is no capability.
    func testCLibraryCallsOnOpenDescriptorsAreNotSinks() throws {
        let catalog = try SinkCatalog.bundled()
        for name in ["read", "write", "fwrite", "fputs", "printf", "close", "fstat", "lseek", "send", "recv", "fdopen"] {
            let node = GraphNode(usr: "c:@F@" + name, name: name, kind: .function, language: .c, package: nil, module: nil, location: nil, isFileMain: false)
            XCTAssertNil(catalog.toolchainMatch(node, demangled: nil), name)
            XCTAssertTrue(catalog.isPureC(name), name)
        }
    }
}
