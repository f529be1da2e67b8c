#!/usr/bin/env bash
# Runs every test of the project: installs the front-end packages and, where it can, Debian's
# Chromium for the browser tests; then `dotnet test` over the solution, with a one-line total.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's Chromium (browser tests) and DejaVu fonts (server-drawn PNG)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) \
      || echo "Could not install Chromium; browser tests will be skipped."
  else
    echo "Chromium is not installed (apt-get install chromium); browser tests will be skipped."
  fi
fi

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# Neo4j Labs' Query API client and esbuild, for the client battery run against our Query API endpoint.
npm ci --prefix tests/Graph.Web.Tests/QueryApiClient --no-audit --no-fund --loglevel=error

log=$(mktemp)
status=0
# One test project at a time: the hostile-request suite asserts that /health answers within a second while the
# server is under heavy queries, and that must not depend on which other project's tests share the cores.
rm -f tests/Graph.Tck.Tests/bin/*/*/*-summary.txt
dotnet test Graph.sln --max-parallel-test-modules 1 "$@" 2>&1 | tee "$log" || status=$?

# The conformance suites' headline lines ("openCypher TCK: N passed, … (graph: store)"), which the runner does not show.
for summary in tests/Graph.Tck.Tests/bin/*/*/*-summary.txt; do
  if [ -f "$summary" ]; then head -n 1 "$summary"; fi
done

# One closing line that any CI can read: "tests: N passed, N failed, N skipped".
awk '
  /^  total: /     { t = $2 }
  /^  failed: /    { f = $2 }
  /^  succeeded: / { p = $2 }
  /^  skipped: /   { s = $2 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
rm -f "$log"
exit $status
