// capcheck: `kind.init()` on a `Plugin.Type` value runs the `required init` of whatever class the value holds; the
// call names `Plugin.init()`, and `EnvPlugin.init()` holds the sink.
import Foundation

open class Plugin {
    public required init() {}
}

public final class EnvPlugin: Plugin {
    public required init() {
        _ = ProcessInfo.processInfo.environment["PLUGIN_HOME"]
        super.init()
    }
}
