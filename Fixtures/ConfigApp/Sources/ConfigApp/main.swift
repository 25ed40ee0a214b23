import ReleasePayload

print(Telemetry.start())
