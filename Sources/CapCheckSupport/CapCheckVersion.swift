/// capcheck's release version: what `capcheck --version` prints, the JSON report's `capcheckVersion`, SARIF's
/// `tool.driver.version` and the Markdown and HTML footers. The one place to bump it, in the commit a release is
/// tagged from (README, "Versions").
public enum CapCheckVersion {
    public static let current = "0.2.0"
}
