#!/usr/bin/env bash
# Runs check.mjs (Node's @azure/identity and @microsoft/microsoft-graph-client) against the testkit's
# standalone jar on a free loopback port. Builds nothing: run `mvn -B verify` (or package the testkit)
# first. Exits with the check's status; prints SKIPPED and exits 0 when Node is missing or npm cannot
# reach its registry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED node interop: node/npm not found (Debian: apt-get install -y nodejs npm; Node 20 or later)"
  exit 0
fi
if ! command -v java >/dev/null 2>&1; then
  echo "node interop: java not found" >&2
  exit 1
fi
shopt -s nullglob
jars=("$root"/b2c-permissions-testkit/target/*-standalone.jar)
if [ "${#jars[@]}" -ne 1 ]; then
  echo "node interop: expected one b2c-permissions-testkit/target/*-standalone.jar, found ${#jars[@]};" \
    "build it first: mvn -B -DskipTests -pl b2c-permissions-testkit -am package" >&2
  exit 1
fi
jar="${jars[0]}"

work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "node $(node --version), npm $(npm --version), $(basename "$jar")"
cd "$here"
if ! npm ci --no-audit --no-fund >"$work/npm.log" 2>&1; then
  if grep -Eq 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network' "$work/npm.log"; then
    tail -n 5 "$work/npm.log"
    echo "SKIPPED node interop: npm cannot reach its registry (the packages in package-lock.json are needed)"
    exit 0
  fi
  cat "$work/npm.log" >&2
  echo "node interop: npm ci failed" >&2
  exit 1
fi

java -jar "$jar" --seed "$here/seed.json" --cert-out "$work/fake.pem" --info-out "$work/fake.json" \
  >"$work/fake.out" 2>"$work/fake.err" &
pid=$!
for _ in $(seq 1 600); do
  if [ -s "$work/fake.out" ]; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$work/fake.err" >&2
    echo "node interop: the standalone jar exited before it was ready" >&2
    exit 1
  fi
  sleep 0.1
done
if [ ! -s "$work/fake.out" ]; then
  echo "node interop: the standalone jar did not report its endpoints within 60 s" >&2
  exit 1
fi
echo "fake: $(head -n 1 "$work/fake.out")"

status=0
NODE_EXTRA_CA_CERTS="$work/fake.pem" NO_PROXY="127.0.0.1" no_proxy="127.0.0.1" \
  node check.mjs "$work/fake.json" || status=$?
exit "$status"
