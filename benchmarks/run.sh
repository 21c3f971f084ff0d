#!/usr/bin/env bash
# Builds the benchmarks module and runs the JMH suite in one JVM fork per benchmark with the GC profiler, then
# prints a Markdown table (ns/address, B/address, ratios to JMail.isValid from the same run) and the
# accept/reject comparison over the same corpus. Each fork warms up for 12 s (6 iterations of 2 s) before 5
# measured iterations of 1 s: the full pipeline keeps compiling for about 10 s in a fresh JVM on 2 cores
# (customerEmailCheckOffline takes 1.9 µs, then 1.1 µs, before it settles at 0.8 µs), and no measured iteration
# may fall in that time. About 20 s per benchmark on a quiet machine: the comparison suite
# (20 benchmarks) takes about 7 minutes on 2 cores; the whole jar (38 benchmarks, with the typo, bean-validation,
# MX-cache and cold-start ones) about 15 minutes, build included. Times taken while other work runs on the
# machine are not comparable with each other (JMail.isValid measured 18 µs instead of 0.8 µs at a load of 20);
# allocation per operation (gc.alloc.rate.norm) is exact whatever the load.
#
#   benchmarks/run.sh                      # every benchmark in the jar
#   benchmarks/run.sh PeerComparison       # only the comparison suite (a JMH include regex)
#   MVN_ARGS=-o benchmarks/run.sh          # build offline once dependencies are cached
#   SKIP_BUILD=1 benchmarks/run.sh         # reuse benchmarks/target/benchmarks.jar
#
# Results go to benchmarks/target/results/: jmh.json and jmh-first-check.json (raw JMH), jmh.log, report.md
# (table), acceptance.md, stages.md (StageProfile: per-stage CPU time and allocation of a VALID check,
# JMail.isValid as reference) and, for the whole suite, targets.md (TargetRatios: issue 22's targets as paired
# ratios, about 4 minutes more; the ratios of separate JMH forks move with the machine's phases, these do not).
set -euo pipefail

cd "$(dirname "$0")/.."
include="${1:-.}"
out=benchmarks/target/results
jar=benchmarks/target/benchmarks.jar

if [[ -z "${SKIP_BUILD:-}" ]]; then
    # shellcheck disable=SC2086 # MVN_ARGS is a list of options
    ./mvnw -B -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests
fi
mkdir -p "$out"

echo "== Accept/reject comparison over the corpus"
java -cp "$jar" io.github.customeremail.benchmarks.AcceptanceComparison 2>/dev/null | tee "$out/acceptance.md"

echo
echo "== Stage profile of a VALID check (thread CPU time, interleaved, median; robust on a busy machine)"
java -cp "$jar" io.github.customeremail.benchmarks.StageProfile 2>/dev/null | tee "$out/stages.md"

echo
jmh_options=(-f 1 -wi 6 -w 2s -i 5 -r 1s -prof gc)
echo "== JMH ($include): ${jmh_options[*]}"
# FirstCheckBenchmark measures the first check of fresh JVMs: it runs apart, with its own forks and no warm-up.
java -jar "$jar" "$include" -e FirstCheckBenchmark "${jmh_options[@]}" \
    -rf json -rff "$out/jmh.json" > "$out/jmh.log" 2>&1 || { tail -50 "$out/jmh.log"; exit 1; }
results=("$out/jmh.json")
if [[ FirstCheckBenchmark =~ $include ]]; then
    echo "== JMH FirstCheckBenchmark: its own settings (one first check in each of 10 fresh JVMs) -prof gc"
    java -jar "$jar" FirstCheckBenchmark -prof gc -rf json -rff "$out/jmh-first-check.json" \
        >> "$out/jmh.log" 2>&1 || { tail -50 "$out/jmh.log"; exit 1; }
    results+=("$out/jmh-first-check.json")
fi
grep -E '^(Benchmark|PeerComparison|[A-Za-z]+Benchmark\.)' "$out/jmh.log" | grep -v 'gc\.\(count\|time\)' || true

echo
echo "== Report (java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores, $(date -u +%Y-%m-%d))"
python3 benchmarks/jmh_report.py "${results[@]}" | tee "$out/report.md"

if [[ "$include" == "." ]]; then
    echo
    echo "== Issue 22's targets, paired (each target and its reference timed alternately in one JVM)"
    java -cp "$jar" io.github.customeremail.benchmarks.TargetRatios 2>/dev/null | tee "$out/targets.md"
fi
