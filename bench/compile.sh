#!/usr/bin/env bash
# Compiles a 1M-neuron, 100M-synapse column-structured network to Loihi 1 end to end (elaborate,
# lower, partition, place, route, emit, rules; reports and config written to disk) and prints
# wall and CPU time per pass, heap, cores against the lower bound, and traffic.
# Usage: bench/compile.sh [-XmxSIZE] [CompileBench options], e.g.
#   bench/compile.sh                            # -Xmx6g, 1000 columns x 1000 neurons, 32 chips
#   bench/compile.sh -o /tmp/columns            # keep the config and the reports
#   bench/compile.sh -Xmx3g --columns 100       # a heap size first; a 100-column ring
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
heap="-Xmx6g"
if [[ "${1:-}" == -Xmx* ]]; then heap="$1"; shift; fi
jar="$root/bench/target/neuromap-bench.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$root" -name '*.java' -path '*/src/main/*' -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && mvn -q -o -pl bench -am package -DskipTests)
fi
exec java "$heap" -XX:+UseG1GC -cp "$jar" io.neuromap.bench.CompileBench "$@"
