#!/usr/bin/env bash
# Load benchmark of the service (not run in CI): signed SNS notifications stored per second and checks per second
# over HTTP, with p50/p99, on H2 and on PostgreSQL. Needs the built jar (./mvnw -B -q package -DskipTests) and, for
# PostgreSQL, a server: `. .ci/postgres.sh` (or CUSTOMEREMAIL_POSTGRES_URL pointing at one, user postgres, no
# password). Everything runs on 127.0.0.1. Usage (from the repository root):
#   service/benchmarks/load-benchmark.sh [CONCURRENCY=16] [NOTIFICATIONS=3000] [CHECKS=5000]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
concurrency=${1:-16}
notifications=${2:-3000}
checks=${3:-5000}
jar="$root/service/target/customer-email-service.jar"
[[ -f "$jar" ]] || { echo "build the service first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
service_pid=
cleanup() { [[ -n "$service_pid" ]] && kill "$service_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
java "$root/service/samples/SignedSample.java" keys >/dev/null 2>&1
key=bench-key-0123456789abcdef
port=18080

run() { # NAME, then extra service arguments
  local name=$1; shift
  java -Xmx512m -Djavax.net.ssl.trustStore=sample-trust.p12 -Djavax.net.ssl.trustStorePassword=changeit \
    -jar "$jar" --server.port=$port --customer-email.service.api-keys=$key --customer-email.dns.enabled=false \
    --customer-email.service.sns.certificate-hosts='127\.0\.0\.1' --logging.level.root=WARN "$@" \
    >"$work/$name.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "X-Api-Key: $key" \
      -d '{"addresses":["a@gmail.com"]}' "http://127.0.0.1:$port/v1/checks" && break
    kill -0 "$service_pid" 2>/dev/null || { cat "$work/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "== $name (concurrency $concurrency; load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  java "$root/service/benchmarks/LoadBenchmark.java" "http://127.0.0.1:$port" $key "$concurrency" "$notifications" "$checks"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=
}

run h2 --spring.datasource.url="jdbc:h2:file:$work/h2/customer-email"
if [[ -n "${CUSTOMEREMAIL_POSTGRES_URL:-}" ]]; then
  db="bench_$(date +%s)"
  psql_url=${CUSTOMEREMAIL_POSTGRES_URL%/*}
  "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" -h 127.0.0.1 -p "${psql_url##*:}" -U postgres \
    -d postgres -qc "CREATE DATABASE $db"
  run postgresql --spring.datasource.url="$psql_url/$db" --spring.datasource.username=postgres \
    --spring.datasource.password=
else
  echo "== postgresql skipped: no CUSTOMEREMAIL_POSTGRES_URL (. .ci/postgres.sh)"
fi
