/// Nothing: the package's library, so that it is more than its plugin.
public enum GenSupport {
    public static let name = "gen-plugin"
}
