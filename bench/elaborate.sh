#!/usr/bin/env bash
# Elaborates a 1M-neuron, 100M-synapse fixed_prob network and prints wall time and heap use.
# Usage: bench/elaborate.sh [-XmxSIZE] [ElaborationBench options], e.g.
#   bench/elaborate.sh                      # -Xmx3g, random weights and delays
#   bench/elaborate.sh -Xmx2g --weights constant --threads 1
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
heap="-Xmx3g"
if [[ "${1:-}" == -Xmx* ]]; then heap="$1"; shift; fi
jar="$root/bench/target/neuromap-bench.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$root" -name '*.java' -path '*/src/main/*' -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && mvn -q -o -pl bench -am package -DskipTests)
fi
exec java "$heap" -XX:+UseG1GC -cp "$jar" io.neuromap.bench.ElaborationBench "$@"
