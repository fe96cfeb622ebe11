#!/usr/bin/env bash
# CUBA (Brette et al. 2007, benchmark 2) side by side: neuromap's bit-accurate Loihi 1 emulator
# against Brian 2's C++ standalone device, in the same run, on the 4,000-neuron network of
# samples/cuba_brette2007.nmap and on a 100,000-neuron version (same parameters, same 80 inputs
# per neuron). Prints synaptic events per second, neuron updates per second, and the ratios.
#
# Only simulation loops are timed: neuromap's summary.json wall_time_s (stepping, not loading the
# config or writing outputs) and Brian 2's own run-loop time (not code generation, compilation or
# loading). Compiling the networks for Loihi 1 is not timed either. A second, single-threaded run of
# a tenth of the steps gives each engine's steady-state rate (long minus short, per step), which
# leaves out the JVM's compile of the loops at the start of every neuromap run.
#
# Usage: bench/brian2_cuba.sh
# Environment:
#   STEPS_4K, STEPS_100K   steps to simulate (default 100000 = 10 s at dt = 0.1 ms, and 10000 = 1 s:
#                          long enough that the JVM's compile of the update loops, about 0.3 s,
#                          does not decide the throughput; shorter runs measure that warm-up)
#   THREADS                threads of the "all threads" runs (default: nproc)
#   KEEP                   keep the work directory (configs, runs, Brian 2 projects) when set
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
steps_4k="${STEPS_4K:-100000}"
steps_100k="${STEPS_100K:-10000}"
threads="${THREADS:-$(nproc)}"
python=/usr/bin/python3

if ! "$python" -c 'import brian2' 2>/dev/null; then
    echo "brian2_cuba: installing Debian's python3-brian (Brian 2) ..." >&2
    if [ "$(id -u)" -eq 0 ]; then
        apt-get install -y python3-brian >&2 || { apt-get update >&2 && apt-get install -y python3-brian >&2; }
    else
        sudo apt-get install -y python3-brian >&2
    fi
fi
"$python" -c 'import brian2' 2>/dev/null || { echo "brian2_cuba: Brian 2 is not importable by $python" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/brian2_cuba.XXXXXX")"
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "brian2_cuba: work directory $work" >&2; fi

# The 100,000-neuron version: the sample with 80,000 excitatory and 20,000 inhibitory neurons;
# fixed_indegree keeps 64 + 16 inputs per neuron. It needs 16 chips (input axons per core bound
# the neurons per core), so it is compiled for a Nahuku board.
sed -e 's/population exc\[3200\]/population exc[80000]/' -e 's/population inh\[800\]/population inh[20000]/' \
    "$root/samples/cuba_brette2007.nmap" > "$work/cuba_100k.nmap"
grep -q 'exc\[80000\]' "$work/cuba_100k.nmap" && grep -q 'inh\[20000\]' "$work/cuba_100k.nmap"

"$root/neuromap" --version >/dev/null   # builds the command-line jar if needed (not timed)

emulate() {  # name nmap system steps
    local name="$1" nmap="$2" system="$3" steps="$4"
    echo "brian2_cuba: compiling $name for loihi1 ($system) ..." >&2
    "$root/neuromap" compile "$nmap" --target loihi1 --system "$system" -o "$work/$name/config" 2>"$work/$name.compile.log" \
        || { cat "$work/$name.compile.log" >&2; exit 1; }
    for t in 1 "$threads"; do
        echo "brian2_cuba: neuromap emulate $name, $steps steps, $t thread(s) ..." >&2
        "$root/neuromap" emulate "$work/$name/config" --steps "$steps" --threads "$t" --no-plot \
            -o "$work/$name/run_t$t" 2>>"$work/$name.emulate.log"
    done
    echo "brian2_cuba: neuromap emulate $name, $((steps / 10)) steps, 1 thread (for the steady state) ..." >&2
    "$root/neuromap" emulate "$work/$name/config" --steps "$((steps / 10))" --threads 1 --no-plot \
        -o "$work/$name/run_short" 2>>"$work/$name.emulate.log"
}

brian() {  # name neurons steps threads
    local name="$1" neurons="$2" steps="$3" t="$4"
    echo "brian2_cuba: Brian 2 $name, $steps steps, $t thread(s) (code generation and compilation not timed) ..." >&2
    "$python" -W ignore "$root/bench/brian2_cuba.py" --neurons "$neurons" --steps "$steps" --threads "$t" \
        --dir "$work/brian_${name}_t$t" > "$work/brian_${name}_t$t.json" 2>"$work/brian_${name}_t$t.log" \
        || { cat "$work/brian_${name}_t$t.log" >&2; exit 1; }
}

emulate cuba_4k "$root/samples/cuba_brette2007.nmap" single-chip "$steps_4k"
emulate cuba_100k "$work/cuba_100k.nmap" nahuku "$steps_100k"
for t in 1 "$threads"; do
    brian 4k 4000 "$steps_4k" "$t"
    brian 100k 100000 "$steps_100k" "$t"
done
brian 4k_short 4000 "$((steps_4k / 10))" 1
brian 100k_short 100000 "$((steps_100k / 10))" 1

"$python" - "$work" "$threads" <<'PY'
import json, os, sys
work, threads = sys.argv[1], int(sys.argv[2])
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print("CUBA (Brette et al. 2007), dt = 0.1 ms; machine: %d cores, %s" % (os.cpu_count(), cpu))
print("neuromap: bit-accurate Loihi 1 emulation (nengo-loihi arithmetic, 2 compartments per neuron)")
print("Brian 2: C++ standalone, double precision; only simulation loops are timed\n")
head = "%-10s %-34s %7s %7s %9s %8s %14s %15s"
row = "%-10s %-34s %7d %7d %9.3f %8.2f %14.4g %15.4g"
print(head % ("network", "engine", "steps", "threads", "run (s)", "rate Hz", "syn. events/s", "neuron upd./s"))
results = {}
for name, label in (("cuba_4k", "4k"), ("cuba_100k", "100k")):
    for t in sorted({1, threads}):
        s = json.load(open(os.path.join(work, name, "run_t%d" % t, "summary.json")))
        neurons = sum(p["size"] for p in s["populations"])
        wall = s["wall_time_s"]
        rate = s["spikes"] / (neurons * s["duration_s"])
        r = {"events": s["synaptic_events"] / wall, "updates": neurons * s["steps"] / wall}
        results[("neuromap", label, t)] = r
        print(row % (label, s["engine"], s["steps"], t, wall, rate, r["events"], r["updates"]))
        b = json.load(open(os.path.join(work, "brian_%s_t%d.json" % (label, t))))
        results[("brian", label, t)] = {"events": b["synaptic_events_per_s"], "updates": b["neuron_updates_per_s"]}
        print(row % (label, b["engine"], b["steps"], b["threads"], b["run_time_s"], b["rate_hz"],
                     b["synaptic_events_per_s"], b["neuron_updates_per_s"]))
print("\nratio neuromap / Brian 2 (same network; > 1: neuromap faster)")
for label in ("4k", "100k"):
    n1, b1 = results[("neuromap", label, 1)], results[("brian", label, 1)]
    print("  %-5s 1 thread each:   synaptic events/s %.3f, neuron updates/s %.3f"
          % (label, n1["events"] / b1["events"], n1["updates"] / b1["updates"]))
    if threads > 1:
        # Brian 2's OpenMP build can be slower than its single thread (a barrier per step); the
        # fair peer of neuromap on all threads is Brian 2's faster configuration.
        nt = results[("neuromap", label, threads)]
        best = max((results[("brian", label, t)] for t in (1, threads)), key=lambda r: r["updates"])
        which = "1 thread" if best is results[("brian", label, 1)] else "%d OpenMP threads" % threads
        print("  %-5s neuromap on %d threads vs Brian 2's best (%s): synaptic events/s %.3f, neuron updates/s %.3f"
              % (label, threads, which, nt["events"] / best["events"], nt["updates"] / best["updates"]))
print("\nsteady state, 1 thread each: the long run minus a run of a tenth of its steps, per step, which")
print("leaves out what a run pays once (the JVM compiling neuromap's loops, about 0.3 s; Brian 2's first step)")
for name, label in (("cuba_4k", "4k"), ("cuba_100k", "100k")):
    long_ = json.load(open(os.path.join(work, name, "run_t1", "summary.json")))
    short = json.load(open(os.path.join(work, name, "run_short", "summary.json")))
    neurons = sum(p["size"] for p in long_["populations"])
    steps = long_["steps"] - short["steps"]
    n_updates = neurons * steps / (long_["wall_time_s"] - short["wall_time_s"])
    bl = json.load(open(os.path.join(work, "brian_%s_t1.json" % label)))
    bs = json.load(open(os.path.join(work, "brian_%s_short_t1.json" % label)))
    b_updates = neurons * (bl["steps"] - bs["steps"]) / (bl["run_time_s"] - bs["run_time_s"])
    print("  %-5s neuromap %.4g, Brian 2 %.4g neuron updates/s: ratio %.3f" % (label, n_updates, b_updates,
                                                                              n_updates / b_updates))
print("\nload average during the run: %s" % open("/proc/loadavg").read().split()[:3])
PY
