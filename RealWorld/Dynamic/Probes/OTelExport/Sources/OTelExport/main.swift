import Foundation
import OTel
import Tracing

// Arguments: the collector's port and the folder holding cert.pem and key.pem. The probe only sets the variables;
// swift-otel reads them (bootstrap reads the whole environment) and opens the files they name.
let arguments = Array(CommandLine.arguments.dropFirst())
let port = arguments.first ?? "4318"
let tls = arguments.count > 1 ? arguments[1] : "tls"
let settings = [
    "OTEL_SERVICE_NAME": "capcheck-probe",
    "OTEL_EXPORTER_OTLP_ENDPOINT": "https://localhost:\(port)",
    "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
    "OTEL_EXPORTER_OTLP_CERTIFICATE": "\(tls)/cert.pem",
    "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE": "\(tls)/cert.pem",
    "OTEL_EXPORTER_OTLP_CLIENT_KEY": "\(tls)/key.pem",
    "OTEL_METRICS_EXPORTER": "none",
    "OTEL_LOGS_EXPORTER": "none",
    "OTEL_BSP_SCHEDULE_DELAY": "100",
]
for (name, value) in settings { setenv(name, value, 1) }

let observability = try OTel.bootstrap()
try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await observability.run() }
    withSpan("probe-span") { span in span.attributes["probe.answer"] = 42 }
    try await Task.sleep(for: .seconds(3))
    group.cancelAll()
}
print("exported")
