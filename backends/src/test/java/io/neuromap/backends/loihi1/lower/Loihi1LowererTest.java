package io.neuromap.backends.loihi1.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Discretization;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Specs;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdOp;
import io.neuromap.compiler.ir.Network;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lowering of neurons, synapses and stimuli to Loihi 1 registers, checked against its stated mapping. */
class Loihi1LowererTest {
    @TempDir
    Path dir;

    private Loihi1Lowering lower(String text) {
        return Loihi1Lowerer.lower(Specs.elaborate(dir, text), Loihi1LowerOptions.defaults());
    }

    private Loihi1Lowering lower(String text, Loihi1LowerOptions options) {
        return Loihi1Lowerer.lower(Specs.elaborate(dir, text), options);
    }

    private static PopulationLowering pop(Loihi1Lowering l, String name) {
        return l.populations().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static ProjectionLowering proj(Loihi1Lowering l, String name) {
        return l.projections().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aResetOtherThanRestIsExactThresholdsAreExactAndRestIsInTheBias() {
        // CUBA's cells: rest above threshold, reset below it.
        Loihi1Lowering l = lower("""
                network N {
                  population a[3] : lif { cm = 200 pF; tau_m = 20 ms; v_rest = -49 mV; v_reset = -60 mV; v_thresh = -50 mV; }
                }
                simulate N { dt = 0.1 ms; duration = 10 ms; seed = 1; }
                """);
        PopulationLowering a = pop(l, "a");
        double theta = 10e-3;
        assertEquals(a.vthMant() * 64.0, a.voltageScale(0) * theta, 1e-6);
        assertEquals(-60e-3, a.voltageOffset(0), 1e-15);
        // Equilibrium of v = v (1 - dv/4096) + bias is bias 4096 / dv: the resting potential, 11 mV above reset.
        double equilibrium = a.bias(0, 0) * 4096.0 / a.decayV(0, 0) / a.voltageScale(0);
        assertEquals(11e-3, equilibrium, 11e-3 * 1e-3);
        assertEquals(-49e-3, a.modelVoltage(0, Math.round(equilibrium * a.voltageScale(0))), 1e-6);
        QuantizationRowAssert.exact(l, "a", "v_thresh");
        QuantizationRowAssert.exact(l, "a", "v_reset");
    }

    @Test
    void decaysAndRefractoryFollowNengoLoihi() {
        Loihi1Lowering l = lower("""
                network N {
                  population s[4] : poisson { rate = 10 Hz; }
                  population a[4] : lif { tau_m = 17 ms; tau_syn_E = 3 ms; tau_refrac = 4 ms; }
                  project s -> a with one_to_one { weight = 0.2 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 1; }
                """);
        PopulationLowering a = pop(l, "a");
        assertEquals(List.of(CompartmentRole.SOMA), a.shape().roles());
        assertEquals(Loihi1Discretization.decayUFromTau(3e-3, 1e-3), a.decayU(0, 0));
        assertEquals(Loihi1Discretization.decayVFromTau(17e-3, 1e-3), a.decayV(0, 0));
        assertEquals(5, a.refractDelay(0, 0));
        Loihi1CompartmentProfile p = a.profile(0, 0);
        assertEquals(Loihi1ThresholdOp.SPIKE_AND_RESET, p.threshOp());
        assertEquals(Loihi1StackIn.SKIP, p.stackIn());
    }

    @Test
    void distinctSynapticTimeConstantsGiveAnAuxiliaryCompartmentAddJoinedIntoTheSoma() {
        String net = """
                network N {
                  population e[10] : poisson { rate = 10 Hz; }
                  population i[10] : poisson { rate = 10 Hz; }
                  population a[10] : lif { tau_syn_E = 5 ms; tau_syn_I = %s; }
                  project ex : e -> a with one_to_one { weight = 0.2 nA; receptor = exc; }
                  project in : i -> a with one_to_one { weight = -0.4 nA; receptor = inh; }
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 1; }
                """;
        Loihi1Lowering cuba = lower(net.formatted("10 ms"));
        PopulationLowering a = pop(cuba, "a");
        assertEquals(List.of(CompartmentRole.SOMA_AUX, CompartmentRole.SOMA), a.shape().roles());
        Loihi1CompartmentProfile aux = a.profile(0, 0);
        assertEquals(Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, aux.threshOp());
        assertEquals(Loihi1StackOut.PUSH_U, aux.stackOut());
        assertEquals(Loihi1Discretization.decayUFromTau(10e-3, 1e-3), aux.decayU());
        Loihi1CompartmentProfile soma = a.profile(1, 0);
        assertEquals(Loihi1StackIn.POP_A, soma.stackIn());
        assertEquals(Loihi1JoinOp.ADD, soma.joinOp());
        assertEquals(Loihi1Discretization.decayUFromTau(5e-3, 1e-3), soma.decayU());
        assertEquals(0, proj(cuba, "in").position());
        assertEquals(1, proj(cuba, "ex").position());
        assertEquals(Loihi1SignMode.INHIBITORY, proj(cuba, "in").signMode());
        assertTrue(proj(cuba, "in").mantissa(0) < 0);
        // The aux current is in the soma's units: one current scale for both.
        assertEquals(a.currentScale(1, 0), a.currentScale(0, 0), 0);

        Loihi1Lowering same = lower(net.formatted("5 ms"));
        assertEquals(List.of(CompartmentRole.SOMA), pop(same, "a").shape().roles());
    }

    @Test
    void distinctTimeConstantsNeedNoAuxiliaryWithoutInhibition() {
        Loihi1Lowering l = lower("""
                network N {
                  population e[10] : poisson { rate = 10 Hz; }
                  population a[10] : lif { tau_syn_E = 5 ms; tau_syn_I = 10 ms; }
                  project e -> a with one_to_one { weight = 0.2 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 1; }
                """);
        assertEquals(List.of(CompartmentRole.SOMA), pop(l, "a").shape().roles());
        QuantizationRowAssert.note(l, "a", "tau_syn_I", "unused");
    }

    @Test
    void twoCompartmentNeuronsBecomeADendriteTree() {
        Loihi1Lowering l = lower("""
                network N {
                  population s[5] : poisson { rate = 10 Hz; }
                  population p[5] : two_comp { g_c = 10 nS; }
                  project top : s -> p.dendrite with one_to_one { weight = 0.2 nA; receptor = exc; }
                  project bot : s -> p.soma with one_to_one { weight = 0.2 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 1; }
                """);
        PopulationLowering p = pop(l, "p");
        assertEquals(List.of(CompartmentRole.DENDRITE, CompartmentRole.SOMA), p.shape().roles());
        assertEquals(Loihi1StackOut.PUSH, p.profile(0, 0).stackOut());
        assertEquals(Loihi1JoinOp.ADD, p.profile(1, 0).joinOp());
        assertEquals(0, proj(l, "top").position());
        assertEquals(1, proj(l, "bot").position());
        assertEquals(1, l.facts().couplings().size());
        assertTrue(l.facts().couplings().get(0).maxShare() > 0);
    }

    @Test
    void theDendriteGetsTheSomasCurrentAtItsMeanVoltageUnderTheMeanDrive() {
        Loihi1Lowering l = lower("""
                network N {
                  population s[1] : spike_times { times = [10 ms, 20 ms, 30 ms, 40 ms, 50 ms]; }
                  population p[1] : two_comp { soma.cm = 1 nF; soma.tau_m = 20 ms; soma.v_rest = -70 mV;
                    soma.v_reset = -65 mV; soma.v_thresh = -50 mV; soma.tau_syn_E = 5 ms; dendrite.cm = 0.5 nF;
                    dendrite.tau_m = 30 ms; dendrite.v_rest = -65 mV; g_c = 10 nS; }
                  project s -> p.soma with one_to_one { weight = 0.4 nA; receptor = exc; }
                  stimulus st : dc(amplitude = 0.2 nA, start = 0 ms, duration = 50 ms) -> p.dendrite;
                }
                simulate N { dt = 1 ms; duration = 100 ms; seed = 1; }
                """);
        // Mean drive: soma 5 spikes in 0.1 s x 0.4 nA x 5 ms = 0.1 nA; dendrite 0.2 nA for half the run = 0.1 nA.
        // g_s = 60 nS, g_d = 26.67 nS, K_s = -3500 + 100 pA, K_d = -1083.3 + 100 pA:
        // V* = (K_s g_d + g_c K_d) / (g_s g_d - g_c^2) = (-90666.7 - 9833.3) / 1500 = -67 mV.
        LoweringFacts.Coupling c = l.facts().couplings().get(0);
        assertEquals(-67e-3, c.minOperatingPoint(), 1e-9);
        assertEquals(-67e-3, c.maxOperatingPoint(), 1e-9);
        // The windowed dc is injected, not biased: the dendrite's bias is g_c (V* - E_d) = 10 nS x -2 mV = -20 pA
        // at its current scale (within the bias's rounding); the former rest linearisation gave
        // 10 nS x (-69.17 - -65) mV = -41.7 pA.
        PopulationLowering p = pop(l, "p");
        int dend = p.shape().position(CompartmentRole.DENDRITE);
        double expected = p.currentScale(dend, 0) * -20e-12;
        assertEquals(expected, p.bias(dend, 0), 1L << p.biasExp(dend, 0));
        double atRest = p.currentScale(dend, 0) * 10e-9 * (-4150.0 / 60 + 65) * 1e-3;
        assertTrue(Math.abs(p.bias(dend, 0) - atRest) > Math.abs(expected) / 2, "not the rest linearisation: " + atRest);
        // share_s = 10 / 60, share_d = 0.375, swing max(-50 - -67, -67 - -65) = 17 mV: bound 1.0625 mV.
        assertEquals(1.0625e-3, c.maxSomaError(), 1e-10, "weights are floats");
    }

    @Test
    void theCouplingFactNamesModulatorsOnlyTheRunKnows() {
        Loihi1Lowering l = lower("""
                celltype Pyr : two_comp { g_c = 10 nS; receptor r1 binds NA on soma; receptor r2 binds ACh on soma; }
                network N {
                  population s[5] : poisson { rate = 10 Hz; }
                  population lc[5] : lif { }
                  population p[5] : Pyr;
                  project s -> p.soma with one_to_one { weight = 0.2 nA; receptor = exc; }
                  project s -> lc with one_to_one { weight = 2 nA; receptor = exc; }
                  modulator NA { source lc; release 0.2 per spike; decay 300 ms; baseline 0.05; scope per_population; }
                  modulator ACh { source s; release 0.2 per spike; decay 500 ms; baseline 0.1; scope per_population; }
                  pathway na : NA -> p.soma via r1 { effect excitability += 0.1 nA * [NA]; }
                  pathway ach : ACh -> p.soma via r2 { effect gain *= 1 + [ACh]; }
                }
                simulate N { dt = 1 ms; duration = 100 ms; seed = 1; }
                """);
        LoweringFacts.Coupling c = l.facts().couplings().get(0);
        // ACh's source is a host population, whose spikes are drawn at compile time: V* has its mean.
        assertEquals(List.of("NA (baseline 0.05)"), c.atBaseline());
    }

    @Test
    void aSpikeAnswersAsTheExactPropagatorAndTheMantissaUsesItsBits() {
        Loihi1Lowering l = lower("""
                network N {
                  population s[1] : poisson { rate = 10 Hz; }
                  population a[1] : lif { cm = 1 nF; tau_m = 20 ms; tau_syn_E = 5 ms; }
                  project ff : s -> a with one_to_one { weight = 0.5 nA; receptor = exc; }
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 1; }
                """);
        PopulationLowering a = pop(l, "a");
        ProjectionLowering ff = proj(l, "ff");
        int du = a.decayU(0, 0);
        double magnitude = Loihi1Discretization.decayMagnitude(du, Math.scalb(1.0, 21), 12, 1);
        // The membrane's first step answers the spike with P21 w, as the exact propagator's: u0 M
        // is P21 / (P20 (1 - P11)) held currents (h = 1 ms, tau_syn = 5 ms, tau_m = 20 ms).
        double p11 = Math.exp(-1.0 / 5);
        double p22 = Math.exp(-1.0 / 20);
        double p21 = 1e-3 * 5 * 20 / (20 - 5) * (p22 - p11);
        double p20 = 20e-3 * (1 - p22);
        double ideal = a.currentScale(0, 0) * 0.5e-9 * p21 / (p20 * (1 - p11) * magnitude);
        assertEquals(ideal, a.weightFactor(0, 0) * 0.5e-9, ideal * 1e-12);
        int m = ff.mantissa(0);
        assertTrue(m > 127 && m <= 255, "mantissa " + m);
        double realized = m * Math.scalb(1.0, 6 + ff.weightExp());
        assertTrue(Math.abs(realized - ideal) / ideal <= 0.5 / 128, realized + " vs " + ideal);
        // The charge delivered through the chip's decay: q * M, in amperes-steps, is w tau_syn to
        // second order in h / tau (0.08 % less here).
        double charge = realized * magnitude / a.currentScale(0, 0) * 1e-3;
        assertEquals(0.5e-9 * 5e-3, charge, 0.5e-9 * 5e-3 * 0.01);
    }

    @Test
    void heterogeneousTimeConstantsAreBinnedWithinTheBoundOrSpread() {
        String text = """
                network N {
                  population a[400] : lif { tau_m ~ uniform(10 ms, 40 ms); tau_refrac ~ uniform(1 ms, 4 ms); }
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 3; }
                """;
        Loihi1LowerOptions bin = Loihi1LowerOptions.defaults().withMaxBinError(0.2);
        BinningRow binned = lower(text, bin).binning().get(0);
        assertTrue(binned.distinct() > NeuronLowering.PROFILE_BUDGET, binned.toString());
        assertTrue(binned.bins() <= NeuronLowering.PROFILE_BUDGET, binned.toString());
        assertTrue(binned.maxError() <= 0.2 && binned.maxError() > 0, binned.toString());
        assertEquals("binned", binned.outcome());

        BinningRow strict = lower(text, bin.withMaxBinError(0)).binning().get(0);
        assertEquals(strict.distinct(), strict.bins());
        assertEquals("binned+spread", strict.outcome());

        BinningRow spread = lower(text, bin.withHeterogeneity(Heterogeneity.SPREAD)).binning().get(0);
        assertEquals(spread.distinct(), spread.bins());
        assertEquals("spread", spread.outcome());
        assertEquals(0, spread.maxError());
    }

    @Test
    void stimuliBecomeHostSourcesBiasOrCurrentInjections() {
        String base = """
                network N {
                  population a[4] : lif { i_offset = 0.1 nA; }
                  %s
                }
                simulate N { dt = 1 ms; duration = 50 ms; seed = 1; }
                """;
        Loihi1Lowering plain = lower(base.formatted(""));
        Loihi1Lowering spikes = lower(base.formatted("stimulus drive : poisson(rate = 20 Hz) -> a { weight = 0.3 nA; }"));
        Network net = spikes.network();
        assertEquals(plain.network().populations().size() + 1, net.populations().size());
        assertTrue(net.populations().get(1).isSource());
        assertEquals("stimulus:drive", net.projections().get(0).name());
        assertEquals(4, net.projections().get(0).synapseCount());
        assertTrue(spikes.sources().get(1) != null);

        Loihi1Lowering whole = lower(base.formatted("stimulus dc1 : dc(amplitude = 0.1 nA) -> a;"));
        // The whole-run dc doubles the offset: the bias doubles (both at the same threshold scale).
        PopulationLowering a0 = pop(plain, "a");
        PopulationLowering a1 = pop(whole, "a");
        assertEquals(2 * a0.bias(0, 0) / a0.voltageScale(0), a1.bias(0, 0) / a1.voltageScale(0),
                1e-3 * a1.bias(0, 0) / a1.voltageScale(0));
        assertTrue(whole.injections().isEmpty());

        Loihi1Lowering window = lower(base.formatted("stimulus step : dc(amplitude = 0.2 nA, start = 10 ms, duration = 5 ms) -> a;"));
        assertEquals(4, window.injections().size());
        CurrentInjection inj = window.injections().get(0);
        assertEquals(10, inj.startStep());
        assertEquals(15, inj.endStep());
        PopulationLowering a = pop(window, "a");
        assertEquals(Math.rint(a.currentScale(0, 0) * 0.2e-9), inj.value(), 0);
    }

    @Test
    void modelsWithoutALoweringGetPlaceholdersAndAFact() {
        Loihi1Lowering l = lower("""
                network N {
                  population z[3] : izhikevich;
                }
                simulate N { dt = 1 ms; duration = 10 ms; seed = 1; }
                """);
        assertFalse(pop(l, "z").isSupported());
        assertFalse(l.allSupported());
        assertFalse(l.facts().models().get(0).lowered());
        assertEquals(List.of(), l.verify());
    }

    @Test
    void budgetsSplitTheProfileTableByDistinctTuples() {
        int[] b = NeuronLowering.budgets(new int[] {100, 1}, 32);
        assertEquals(31, b[0]);
        assertEquals(1, b[1]);
        int[] c = NeuronLowering.budgets(new int[] {3, 2}, 32);
        assertEquals(3, c[0]);
        assertEquals(2, c[1]);
        assertEquals(Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE, NeuronLowering.PROFILE_BUDGET);
    }

    @Test
    void theLargestWeightFitsEightBitsAtTheSmallestExponent() {
        assertEquals(0, WeightLowering.neededExponent(255 * 64));
        assertEquals(1, WeightLowering.neededExponent(255 * 64 + 1));
        assertEquals(-1, WeightLowering.neededExponent(255 * 32));
        assertEquals(Loihi1Limits.SYNAPSE_WEIGHT_EXP_FLOOR, WeightLowering.neededExponent(0));
    }
}
