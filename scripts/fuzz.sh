#!/usr/bin/env bash
# Fuzzes every Jazzer target for DURATION each (default 10m): the profile, bench and answers loaders, the
# report.json reader, the bundle verifier and the zip unpacker. A crash makes Jazzer keep the input under the
# test's src/test/resources/…Inputs/ folder, where every later `./mvnw verify` replays it as a regression test.
#   scripts/fuzz.sh [DURATION]      e.g. scripts/fuzz.sh 30m
#   FUZZ_SEED=N scripts/fuzz.sh     replays the mutations of an earlier run (each run prints its seed)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10m}"
seed="${FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
echo "libFuzzer seed $seed (FUZZ_SEED=$seed replays it)"
./mvnw -q -B install -DskipTests
status=0
for target in harness/engine:InputFuzzTest#profiles harness/engine:InputFuzzTest#benches harness/engine:InputFuzzTest#answers \
              reports:BundleFuzzTest#reportJson reports:BundleFuzzTest#verifier reports:BundleFuzzTest#zippedBundle; do
  module="${target%%:*}"; test="${target#*:}"
  log="$(mktemp -t certbench-fuzz-XXXX.log)"
  if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" ./mvnw -B -o verify -P '!fuzz-short' -pl "$module" -Dtest="$test" \
       -Djazzer.internal.arg.0=certbench-fuzz -Djazzer.internal.arg.1=-seed="$seed" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then result=ok; else result="FINDING (see $log)"; status=1; fi
  printf '%-34s %-8s %s\n' "$test" "$result" "$(grep -E '^Done [0-9]+ runs' "$log" | tail -1)"
done
exit $status
