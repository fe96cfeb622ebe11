#!/usr/bin/python3
"""The CUBA network of Brette et al. (2007), benchmark 2, on Brian 2's C++ standalone device.

The same network as samples/cuba_brette2007.nmap: N current-based LIF neurons (80 % excitatory),
every neuron receiving exactly 64 excitatory and 16 inhibitory synapses (fixed in-degree, as the
sample's fixed_indegree), weights 1.62 mV and -9 mV on the synaptic variables ge and gi (the
sample's 16.2 pA and -90 pA through R = taum / cm = 100 Mohm), synaptic time constants 5 and 10 ms,
a 0.1 ms step, a 0.1 ms (one-step) delay, a 5 ms refractory period and random initial voltages
between reset and threshold.

Only the simulation loop is timed: Brian 2 measures it inside the generated program
(device._last_run_time); code generation, compilation and loading the synapses are not counted.
Prints one JSON object: neurons, steps, threads, run time, spikes, synaptic events, and the
derived rates.

Usage: /usr/bin/python3 bench/brian2_cuba.py --neurons 4000 --steps 10000 [--threads 1] [--dir DIR]
"""
import argparse
import json
import os
import tempfile
import time

import numpy as np


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--neurons", type=int, default=4000)
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--threads", type=int, default=1, help="OpenMP threads (1: none)")
    parser.add_argument("--seed", type=int, default=2007)
    parser.add_argument("--dir", default=None, help="where Brian 2 writes the generated project")
    args = parser.parse_args()

    import brian2 as b2
    from brian2 import ms, mV

    directory = args.dir or tempfile.mkdtemp(prefix="brian2_cuba_")
    b2.set_device("cpp_standalone", directory=directory, build_on_run=False)
    if args.threads > 1:
        b2.prefs.devices.cpp_standalone.openmp_threads = args.threads
    b2.prefs.logging.console_log_level = "WARNING"
    b2.seed(args.seed)
    b2.defaultclock.dt = 0.1 * ms

    n = args.neurons
    n_exc = n * 4 // 5
    namespace = {"taum": 20 * ms, "taue": 5 * ms, "taui": 10 * ms, "Vt": -50 * mV, "Vr": -60 * mV,
                 "El": -49 * mV}
    eqs = """
    dv/dt  = (ge + gi - (v - El)) / taum : volt (unless refractory)
    dge/dt = -ge / taue : volt
    dgi/dt = -gi / taui : volt
    """
    cells = b2.NeuronGroup(n, eqs, threshold="v > Vt", reset="v = Vr", refractory=5 * ms, method="exact",
                           namespace=namespace)
    cells.v = "Vr + rand() * (Vt - Vr)"
    cells.ge = 0 * mV
    cells.gi = 0 * mV

    rng = np.random.default_rng(args.seed)

    def fixed_indegree(first, count, k):
        """k distinct presynaptic neurons in [first, first + count) for every neuron."""
        pre = np.empty(n * k, dtype=np.int32)
        for post in range(n):
            pre[post * k:(post + 1) * k] = first + rng.choice(count, size=k, replace=False)
        return pre, np.repeat(np.arange(n, dtype=np.int32), k)

    pre_e, post_e = fixed_indegree(0, n_exc, 64)
    pre_i, post_i = fixed_indegree(n_exc, n - n_exc, 16)
    exc = b2.Synapses(cells, cells, on_pre="ge += 1.62*mV", delay=0.1 * ms)
    exc.connect(i=pre_e, j=post_e)
    inh = b2.Synapses(cells, cells, on_pre="gi += -9*mV", delay=0.1 * ms)
    inh.connect(i=pre_i, j=post_i)
    spikes = b2.SpikeMonitor(cells)

    b2.run(args.steps * b2.defaultclock.dt)
    started = time.time()
    b2.device.build(directory=directory, compile=True, run=False)
    built = time.time()
    b2.device.run(directory=directory, with_output=False, run_args=[])
    finished = time.time()

    run_time = float(b2.device._last_run_time)
    spiking = np.asarray(spikes.i[:])
    out_degree = np.bincount(np.concatenate([pre_e, pre_i]), minlength=n)
    events = int(out_degree[spiking].sum())
    result = {
        "engine": "brian2 %s cpp_standalone" % b2.__version__,
        "neurons": n,
        "steps": args.steps,
        "threads": max(1, args.threads),
        "run_time_s": run_time,
        "build_s": built - started,
        "process_s": finished - built,
        "spikes": int(spiking.size),
        "rate_hz": spiking.size / (n * args.steps * 1e-4),
        "synaptic_events": events,
        "synaptic_events_per_s": events / run_time,
        "neuron_updates_per_s": n * args.steps / run_time,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
