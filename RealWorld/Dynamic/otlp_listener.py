#!/usr/bin/env python3
"""A stand-in OTLP/HTTP collector for the OTelExport probe: TLS on 127.0.0.1, asks for (does not require) a client
certificate, answers every POST with an empty protobuf message, and logs each request's path and size.
   otlp_listener.py PORT CERT KEY LOG"""
import http.server, ssl, sys

port, cert, key, log = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        peer = self.connection.getpeercert()
        with open(log, "a") as out:
            out.write(f"{self.path} {len(body)} bytes, client certificate: {bool(peer)}\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", port), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
context.load_verify_locations(cert)
context.verify_mode = ssl.CERT_OPTIONAL
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
