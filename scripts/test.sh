#!/usr/bin/env bash
# npm test: the whole suite.
#   1. Debian packages the suite needs (installed when root, else a clear failure)
#   2. lint and typecheck: fast, and the run stops here if they fail
#   3. vitest unit + integration projects
#   4. vitest e2e project (Chromium against the embedded PBX) in a loopback-only network namespace
#   5. vitest interop project (Chromium against the lab: Kamailio, rtpengine, coturn, and real far
#      ends), in a network namespace of its own
# The last line of output is "N passed, N failed" (", N skipped" when any), which CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."

results_dir=".tmp/test-results"
rm -rf "$results_dir"
mkdir -p "$results_dir"

bash scripts/ensure-debian-packages.sh || exit 1

echo "== lint"
npm run --silent lint || { echo "lint failed: fix it before the tests run"; exit 1; }
echo "== typecheck"
npm run --silent typecheck || { echo "typecheck failed: fix it before the tests run"; exit 1; }

reporters=(--reporter=default --reporter=json)

echo "== unit + integration"
npx vitest run --project unit --project integration \
  "${reporters[@]}" --outputFile.json="$results_dir/unit-integration.json"
echo $? >"$results_dir/unit-integration.exit"

echo "== e2e (loopback-only network namespace)"
bash scripts/netns-run.sh npx vitest run --project e2e \
  "${reporters[@]}" --outputFile.json="$results_dir/e2e.json"
echo $? >"$results_dir/e2e.exit"

echo "== interop (Kamailio, rtpengine, coturn, baresip, sipp, JsSIP; loopback-only network namespace)"
bash scripts/netns-run.sh npx vitest run --project interop \
  "${reporters[@]}" --outputFile.json="$results_dir/interop.json"
echo $? >"$results_dir/interop.exit"

node scripts/summarize-test-results.mjs "$results_dir" unit-integration e2e interop
