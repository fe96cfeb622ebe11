package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a stimulus delivers into each of its target neurons; times and rates in SI. */
public sealed interface StimulusSource {

    /** The catalog name: {@code poisson}, {@code spike_times}, {@code dc}, {@code external}. */
    String kind();

    /**
     * Independent Poisson trains, one per target neuron, drawn by {@link PoissonSpikeTrains} keyed
     * by the stimulus' path; active in {@code [start, start + duration)}.
     */
    record Poisson(double rate, double start, double duration) implements StimulusSource {
        @Override
        public String kind() {
            return "poisson";
        }
    }

    /** The same spike times into every target neuron, ascending. */
    record SpikeTimes(List<Double> times) implements StimulusSource {
        public SpikeTimes {
            times = List.copyOf(requireNonNull(times, "times is null"));
        }

        @Override
        public String kind() {
            return "spike_times";
        }
    }

    /** A constant current in {@code [start, start + duration)}. */
    record Dc(double amplitude, double start, double duration) implements StimulusSource {
        @Override
        public String kind() {
            return "dc";
        }
    }

    /** Values supplied at run time through a named channel. */
    record External(String channel) implements StimulusSource {
        public External {
            requireNonNull(channel, "channel is null");
        }

        @Override
        public String kind() {
            return "external";
        }
    }
}
