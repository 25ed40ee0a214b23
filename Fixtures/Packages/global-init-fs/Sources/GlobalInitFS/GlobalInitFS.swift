// capcheck rule: global initializer (fs is reached only by a global's lazy initializer).
import Foundation

let bannerText: String = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? ""

public func banner() -> String { bannerText }
