import _Differentiation
import Foundation

// capcheck rule: a derivative runs wherever its original is differentiated, in any module, and the index relates it to
// nothing (EscapeHatchRule, the nineteenth sweep's): reached from program start.
@differentiable(reverse)
public func scaled(_ x: Double) -> Double { x * 3 }

@derivative(of: scaled)
public func _vjpScaled(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
    _ = FileManager.default.fileExists(atPath: "/tmp/capcheck-fixture-none")
    return (scaled(x), { $0 * 3 })
}
