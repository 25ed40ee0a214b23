import CShadowBoot
import Foundation

/// Reads a variable when the root calls it.
public func shadowGreeting() -> String { ProcessInfo.processInfo.environment["SHADOW_NAME"] ?? String(shadow_boot_count()) }
