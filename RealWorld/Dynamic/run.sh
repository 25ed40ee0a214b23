#!/usr/bin/env bash
# The run-time oracle (docs/real-world.md, "What the programs do at run time"): builds each probe app under
# RealWorld/Dynamic/Probes (debug, from the local package mirrors), runs it against local endpoints only under
# `strace -f -k` (file, network and process calls, each with its stack) and again with the calltrace shim
# (every environment read and program start, with its stack), audits the same build with capcheck, and lists every
# (package, capability) seen at run time that the audit does not report as reached. Exits 1 on any miss.
#
#   RealWorld/Dynamic/run.sh [Probe ...]     (all probes by default; WORK defaults to .build-dynamic, git-ignored)
#
# Needs strace, gcc, openssl and PostgreSQL's server programs (Debian: apt-get install strace gcc openssl postgresql;
# PostgresQuery starts a private cluster on loopback, OTelExport a TLS collector, otlp_listener.py). Not part of .ci/run:
# the probes' builds take about forty minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${WORK:-$ROOT/.build-dynamic}
PROBES=("$@")
ALL=(EnvReaders CryptoOps GRDBDatabase Subprocess HTTPClient HummingbirdServer VaporServer FlyingFoxServer ConfigurationFiles PathFiles
     PostgresQuery ArchiveFiles OTelExport SSHLoopback WASIRun ArgumentHelp MCPInMemory)
[ ${#PROBES[@]} -gt 0 ] || PROBES=("${ALL[@]}")
for tool in strace gcc python3 openssl; do command -v "$tool" >/dev/null || { echo "run.sh needs $tool" >&2; exit 2; }; done
BIN=$(dirname "$(readlink -f "$(command -v swift)")")
mkdir -p "$WORK"

# CAPCHECK names a capcheck to use instead of this checkout's release build.
if [ -z "${CAPCHECK:-}" ]; then swift build -c release --product capcheck >/dev/null; CAPCHECK=$ROOT/.build/release/capcheck; fi
gcc -shared -fPIC -O1 -Wall -o "$WORK/calltrace.so" RealWorld/Dynamic/calltrace.c -ldl

# A private PostgreSQL cluster under the probe's run folder, owned by the postgres user (initdb refuses root), on
# 127.0.0.1 and a free port, a SCRAM password for the probe's user, its Unix socket under $1/sockets.
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
start_postgres() {
    PGDATA_DIR=$1/data; PGSOCKETS=$1/sockets; PGPORT=$(free_port)
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
    mkdir -p "$PGSOCKETS"; echo probe-secret >"$1/pw"
    [ "$(id -u)" != 0 ] || chown -R postgres "$1"
    chmod 755 "$RUN"
    as_postgres "$PGBIN/initdb -D $PGDATA_DIR -U probe --pwfile=$1/pw --auth=scram-sha-256 >$1/initdb.log 2>&1"
    as_postgres "$PGBIN/pg_ctl -D $PGDATA_DIR -l $1/server.log -w -o '-p $PGPORT -k $PGSOCKETS -c listen_addresses=127.0.0.1' start >/dev/null"
    trap stop_postgres EXIT
}
stop_postgres() { as_postgres "$PGBIN/pg_ctl -D $PGDATA_DIR -m fast stop" >/dev/null 2>&1 || true; trap - EXIT; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The command line of each probe's run (after the executable), and its executable's name.
arguments() {
    case $1 in
        HummingbirdServer|HTTPClient) echo "$PORT" ;;
        VaporServer) echo "serve --hostname 127.0.0.1 --port $PORT" ;;
        GRDBDatabase) echo "$RUN/probe.sqlite" ;;
        FlyingFoxServer) echo "$PORT $RUN/www" ;;
        ConfigurationFiles) echo "$RUN/config" ;;
        PathFiles|ArchiveFiles|WASIRun) echo "$RUN/scratch" ;;
        PostgresQuery) echo "$PGPORT $PGSOCKETS" ;;
        SSHLoopback) echo "$PORT" ;;
        OTelExport) echo "$PORT $RUN/tls" ;;
        *) echo "" ;;
    esac
}
executable() { case $1 in Subprocess) echo SubprocessRun ;; *) echo "$1" ;; esac; }

results=()
status=0
for probe in "${PROBES[@]}"; do
    package=$ROOT/RealWorld/Dynamic/Probes/$probe
    scratch=$WORK/$probe
    RUN=$scratch/run
    rm -rf "$RUN"; mkdir -p "$RUN/strace" "$RUN/calls"
    echo "== $probe: build"
    swift build --package-path "$package" --scratch-path "$scratch" >"$RUN/build.log" 2>&1 || { tail -20 "$RUN/build.log"; exit 2; }
    exe=$(swift build --package-path "$package" --scratch-path "$scratch" --show-bin-path)/$(executable "$probe")
    server=""
    if [ "$probe" = PostgresQuery ]; then start_postgres "$RUN/pg"; fi
    for pass in strace calls; do
        PORT=$(free_port)
        if [ "$probe" = HTTPClient ]; then
            mkdir -p "$RUN/www"; echo hello > "$RUN/www/index.html"
            python3 -m http.server --bind 127.0.0.1 --directory "$RUN/www" "$PORT" >/dev/null 2>&1 & server=$!
            for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT))" 2>/dev/null && break; sleep 0.1; done
        fi
        if [ "$probe" = OTelExport ]; then
            mkdir -p "$RUN/tls"
            [ -f "$RUN/tls/cert.pem" ] || openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
                -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
                -keyout "$RUN/tls/key.pem" -out "$RUN/tls/cert.pem" >/dev/null 2>&1
            python3 RealWorld/Dynamic/otlp_listener.py "$PORT" "$RUN/tls/cert.pem" "$RUN/tls/key.pem" "$RUN/otlp-$pass.log" & server=$!
            for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT))" 2>/dev/null && break; sleep 0.1; done
        fi
        echo "== $probe: run ($pass)"
        rc=0
        # shellcheck disable=SC2046
        if [ $pass = strace ]; then
            (cd "$package" && timeout 300 strace -f -ff -k -qq -e trace=%file,%network,%process,statfs -e signal=none \
                -o "$RUN/strace/trace" "$exe" $(arguments "$probe")) >"$RUN/$pass.out" 2>&1 || rc=$?
        else
            (cd "$package" && timeout 300 env CALLTRACE_LOG="$RUN/calls/calls" LD_PRELOAD="$WORK/calltrace.so" "$exe" $(arguments "$probe")) \
                >"$RUN/$pass.out" 2>&1 || rc=$?
        fi
        [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }
        if [ $rc != 0 ]; then echo "$probe failed ($pass run, status $rc):"; tail -20 "$RUN/$pass.out"; exit 2; fi
    done
    [ "$probe" != PostgresQuery ] || stop_postgres
    echo "== $probe: audit"
    swift package --package-path "$package" --scratch-path "$scratch" show-dependencies --format json >"$RUN/dependencies.json" 2>/dev/null
    "$CAPCHECK" audit --package-path "$package" --scratch-path "$scratch" --skip-build --format json --output "$RUN/audit.json" --quiet
    python3 RealWorld/Dynamic/oracle.py probe --probe "$probe" --strace "$RUN/strace" --calltrace "$RUN/calls" \
        --dependencies "$RUN/dependencies.json" --audit "$RUN/audit.json" --symbolizer "$BIN/llvm-symbolizer" \
        --output "$RUN/result.json" || status=1
    results+=("$RUN/result.json")
done
[ ${#PROBES[@]} -lt ${#ALL[@]} ] || python3 RealWorld/Dynamic/oracle.py table --doc docs/real-world.md "${results[@]}" >/dev/null
exit $status
