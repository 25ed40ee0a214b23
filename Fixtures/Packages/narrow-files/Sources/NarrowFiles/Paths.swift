extension Certificates {
    static let bundlePath = "/etc/ssl/certs/ca-bundle.crt"
}
