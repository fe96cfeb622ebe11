#!/usr/bin/env bash
# Maps a 1M-neuron, 100M-synapse column-structured network onto Loihi 1 (elaborate, partition,
# place) and prints wall time, heap, cores against the lower bound, and traffic.
# Usage: bench/partition.sh [-XmxSIZE] [PartitionBench options], e.g.
#   bench/partition.sh                          # -Xmx6g, 1000 columns x 1000 neurons, 32 chips
#   bench/partition.sh --verify --repeat 3      # also verify the mapping; best of 3 partitions
#   bench/partition.sh -Xmx3g --delays 4        # delays uniform over 1..4 steps
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
heap="-Xmx6g"
if [[ "${1:-}" == -Xmx* ]]; then heap="$1"; shift; fi
jar="$root/bench/target/neuromap-bench.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$root" -name '*.java' -path '*/src/main/*' -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && mvn -q -o -pl bench -am package -DskipTests)
fi
exec java "$heap" -XX:+UseG1GC -cp "$jar" io.neuromap.bench.PartitionBench "$@"
