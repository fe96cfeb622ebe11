package io.neuromap.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ir.EffectBinding;
import io.neuromap.compiler.ir.IrExpr;
import io.neuromap.compiler.ir.Modulator;
import io.neuromap.compiler.ir.ModulatorScope;
import io.neuromap.compiler.ir.ModulatorSource;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.PathwayBinding;
import io.neuromap.compiler.ir.PathwayTargetBinding;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Probe;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.ResponseFunction;
import io.neuromap.compiler.ir.Stimulus;
import io.neuromap.compiler.ir.StimulusSource;
import io.neuromap.compiler.ir.SynapseReceptor;
import io.neuromap.compiler.units.Dimension;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElaboratorTest {

    @Test
    void defaultsCelltypeAndPopulationBindingsApplyInOrder() {
        Network n = Elaborate.network("""
                celltype Fast : lif { tau_m = 10 ms; v_thresh = -52 mV; }
                network N {
                  population p[10] : Fast { v_thresh = -48 mV; }
                }
                """);
        Population p = n.population("p").orElseThrow();
        assertEquals(10, p.size());
        assertEquals(0.010, p.parameter("tau_m").orElseThrow().constantValue(), 1e-15);
        assertEquals(-0.048, p.parameter("v_thresh").orElseThrow().constantValue(), 1e-15);
        assertEquals(1e-9, p.parameter("cm").orElseThrow().constantValue(), 1e-24, "model default");
        assertTrue(p.heterogeneousParameters().isEmpty());
        assertEquals(List.of("Fast"), p.cellTypes().stream().map(c -> c.name()).toList());
        assertEquals(3, p.parameterSpan("v_thresh").line(), "the population's binding set it last");
    }

    @Test
    void letVariablesAreSharedByTheBindingsOfOneNeuron() {
        Population p = Elaborate.network("""
                celltype RS : izhikevich { let r ~ uniform(0, 1); c = -65 mV + 15 mV * r^2; d = 8 - 6 * r^2; }
                network N { population rs[2000] : RS; }
                """).population("rs").orElseThrow();
        ParameterValues c = p.parameter("c").orElseThrow();
        ParameterValues d = p.parameter("d").orElseThrow();
        assertFalse(c.isHomogeneous());
        for (int i = 0; i < p.size(); i++) {
            double r2FromC = (c.get(i) + 0.065) / 0.015;
            double r2FromD = (8 - d.get(i)) / 6;
            assertEquals(r2FromC, r2FromD, 1e-9, "neuron " + i + " drew one r for c and d");
            assertTrue(r2FromC >= 0 && r2FromC < 1);
        }
        assertEquals(0.2, p.parameter("b").orElseThrow().constantValue(), 0, "untouched parameters keep the default");
    }

    @Test
    void bindingsReadConstantsLetsAndEarlierParameters() {
        Population p = Elaborate.network("""
                const SHIFT = 5 mV;
                network N { population p[100] : lif {
                  let u ~ uniform(0, 1);
                  v_rest = -70 mV;
                  v_reset = v_rest - SHIFT * u;
                  v_init = v_rest;
                } }
                """).population("p").orElseThrow();
        for (int i = 0; i < 100; i++) {
            double reset = p.parameter("v_reset").orElseThrow().get(i);
            assertTrue(reset <= -0.070 && reset > -0.075, "v_reset reads the bound v_rest: " + reset);
        }
        assertEquals(-0.070, p.parameter("v_init").orElseThrow().constantValue(), 1e-15);
    }

    @Test
    void withoutAnalysisAParameterReadBeforeItsBindingHasItsDefault() {
        // Analysis rejects this (defaults are not names); elaboration still gives it a meaning
        // rather than failing: the model default.
        Population p = Elaborate.unanalysed("""
                network N { population p[10] : lif { v_reset = v_rest - 5 mV; v_rest = -70 mV; } }
                """).network().population("p").orElseThrow();
        assertEquals(-0.070, p.parameter("v_reset").orElseThrow().constantValue(), 1e-15);
    }

    @Test
    void mixIsLaidOutInBlocksByLargestRemainder() {
        Network n = Elaborate.network("""
                celltype A : lif { tau_m = 10 ms; receptor RA binds DA; }
                celltype B : lif { tau_m = 20 ms; }
                celltype C : lif { tau_m = 30 ms; receptor RC binds DA on soma; }
                network N {
                  population m[10] : mix { A: 1/3, B: 1/3, C: 1/3 } { receptor X binds DA; }
                  population src[1] : lif;
                  modulator DA { source src; decay 100 ms; }
                }
                """);
        Population m = n.population("m").orElseThrow();
        assertEquals(List.of("A", "B", "C"), m.cellTypes().stream().map(c -> c.name()).toList());
        assertEquals(4, m.cellTypeRange(0).size(), "the tie goes to the earlier entry");
        assertEquals(3, m.cellTypeRange(1).size());
        assertEquals(3, m.cellTypeRange(2).size());
        assertEquals(0, m.cellTypeOf(3));
        assertEquals(1, m.cellTypeOf(4));
        assertEquals(2, m.cellTypeOf(9));
        ParameterValues tau = m.parameter("tau_m").orElseThrow();
        assertEquals(0.010, tau.get(3), 1e-15);
        assertEquals(0.020, tau.get(4), 1e-15);
        assertEquals(0.030, tau.get(9), 1e-15);
        assertEquals(List.of("RA", "X"), m.cellTypes().get(0).receptors().stream().map(r -> r.name()).toList());
        assertEquals(List.of("X"), m.cellTypes().get(1).receptors().stream().map(r -> r.name()).toList());
        assertEquals("soma", m.cellTypes().get(2).receptor("RC").orElseThrow().compartment());
    }

    @Test
    void populationsGetContiguousGlobalOffsets() {
        Network n = Elaborate.network("""
                network N { population a[3] : lif; population b[5] : poisson { rate = 8 Hz; }; population c[2] : adex; }
                """);
        assertEquals(List.of(0, 3, 8), n.populations().stream().map(Population::offset).toList());
        assertEquals(10, n.neuronCount());
        assertEquals(1, n.populationOf(3));
        assertEquals(2, n.populationOf(9));
        assertEquals(8.0, n.population("b").orElseThrow().parameter("rate").orElseThrow().constantValue());
        assertTrue(n.population("b").orElseThrow().isSource());
    }

    @Test
    void spikeTimesAreAListParameter() {
        Population p = Elaborate.network("network N { population s[4] : spike_times { times = [20 ms, 5 ms, 10 ms]; } }")
                .population("s").orElseThrow();
        assertArrayEquals(new double[] {0.005, 0.010, 0.020}, p.listParameters().get("times").get(3), 1e-15);
        assertTrue(p.listParameters().get("times").isHomogeneous());
    }

    @Test
    void inhibitoryWeightsAreStoredAsMagnitudesWithEitherConvention() {
        Network n = Elaborate.network("""
                network N {
                  population a[20] : lif;
                  population b[20] : lif;
                  project nest : a -> b with all_to_all { weight = -0.5 nA; }
                  project pynn : a -> b with all_to_all { weight = 0.25 nA; receptor = inh; }
                  project both : a -> b with all_to_all { weight ~ uniform(-2 nA, -1 nA); receptor = inh; }
                  project exc  : a -> b with all_to_all { weight = 1 nA; }
                }
                """);
        Projection nest = n.projection("nest").orElseThrow();
        assertEquals(SynapseReceptor.INH, nest.receptor());
        assertTrue(nest.receptorInferred());
        assertEquals(0.5e-9f, nest.synapses().weight(7));
        assertEquals(-0.5e-9, nest.signedWeight(7), 1e-16);
        Projection pynn = n.projection("pynn").orElseThrow();
        assertEquals(SynapseReceptor.INH, pynn.receptor());
        assertFalse(pynn.receptorInferred());
        assertEquals(0.25e-9f, pynn.synapses().weight(0));
        Projection both = n.projection("both").orElseThrow();
        assertTrue(both.synapses().weights().summary().min() >= 1e-9 * 0.999);
        assertEquals(SynapseReceptor.EXC, n.projection("exc").orElseThrow().receptor());
    }

    @Test
    void weightsOfBothSignsAreRejected() {
        Elaborate.unanalysed("""
                network N {
                  population a[50] : lif;
                  project a -> a with all_to_all { weight ~ normal(0 nA, 1 nA); }
                }
                """).errorAt("NM-E0301", "net.nmap", 3, 36);
    }

    @Test
    void negativeWeightsOnAnExcitatoryReceptorAreRejected() {
        Elaborate.unanalysed("""
                network N {
                  population a[5] : lif;
                  project a -> a with one_to_one { weight = -1 nA; receptor = exc; }
                }
                """).errorAt("NM-E0301", "net.nmap", 3, 36);
    }

    @Test
    void aProjectionNeedsAWeight() {
        Elaborate.unanalysed("""
                network N {
                  population a[5] : lif;
                  project a -> a with one_to_one;
                }
                """).errorAt("NM-E0117", "net.nmap", 3, 3);
    }

    @Test
    void delaysAreWholeStepsAndDefaultToOneStep() {
        Network n = Elaborate.network("""
                network N {
                  population a[100] : lif;
                  project d0 : a -> a with all_to_all { weight = 1 nA; }
                  project d1 : a -> a with all_to_all { weight = 1 nA; delay = 2.6 ms; }
                  project d2 : a -> a with all_to_all { weight = 1 nA; delay ~ uniform(1 ms, 4 ms); }
                  project d3 : a -> a with fixed_prob(0.1) { weight = 1 nA; delay ~ gamma(k = 9, mean = 300 ms); }
                }
                simulate N { dt = 1 ms; }
                """);
        assertEquals(1, n.projection("d0").orElseThrow().synapses().delaySteps(5));
        assertTrue(n.projection("d0").orElseThrow().synapses().delays().isHomogeneous());
        assertEquals(3, n.projection("d1").orElseThrow().synapses().delaySteps(5), "2.6 ms rounds to 3 steps");
        var d2 = n.projection("d2").orElseThrow().synapses().delays();
        assertEquals(1, d2.bytesPerSynapse(), "uniform(1 ms, 4 ms) fits a byte");
        assertEquals(1, d2.min());
        assertEquals(4, d2.max());
        var d3 = n.projection("d3").orElseThrow().synapses().delays();
        assertEquals(2, d3.bytesPerSynapse(), "an unbounded distribution may exceed 255 steps");
        assertTrue(d3.max() > 255);
    }

    @Test
    void aDelayBelowOneStepTakesOneStep() {
        Network n = Elaborate.network("""
                network N {
                  population a[5] : lif;
                  project p : a -> a with one_to_one { weight = 1 nA; delay = 0.2 ms; }
                  project q : a -> a with one_to_one { weight = 1 nA; delay = 0 ms; }
                }
                simulate N { dt = 1 ms; }
                """);
        assertEquals(1, n.projection("p").orElseThrow().synapses().delaySteps(0));
        assertEquals(1, n.projection("q").orElseThrow().synapses().delaySteps(0));
    }

    @Test
    void aDelayBeyondTheIrLimitIsTooLarge() {
        Elaborate.run("""
                network N {
                  population a[5] : lif;
                  project a -> a with one_to_one { weight = 1 nA; delay ~ uniform(1 ms, 100 s); }
                }
                """).errorAt("NM-E0602", "net.nmap", 3, 51);
    }

    @Test
    void aProjectionOverTwoBillionSynapsesIsReportedWithoutBuildingIt() {
        Elaborate.Run run = Elaborate.run("""
                network N {
                  population a[50000] : lif;
                  project a -> a with all_to_all { weight = 1 nA; }
                  project b : a -> a with fixed_prob(0.9) { weight = 1 nA; }
                }
                """);
        assertEquals(2, run.diagnostics().all().stream().filter(d -> d.code().id().equals("NM-E0602")).count(),
                Elaborate.render(run.diagnostics()));
        assertTrue(run.diagnostics().all().get(0).message().contains("2500000000 synapses"),
                run.diagnostics().all().get(0).message());
    }

    @Test
    void endpointsSelectCelltypesCompartmentsAndSlices() {
        Network n = Elaborate.network("""
                celltype RS : lif { receptor D binds DA; }
                celltype FS : lif { }
                network N {
                  population cortex[100] : mix { RS: 0.8, FS: 0.2 };
                  population pyr[10] : two_comp;
                  population src[1] : lif;
                  modulator DA { source src; decay 100 ms; }
                  project e : cortex.RS -> cortex[10:20] with all_to_all { weight = 1 nA; }
                  project f : cortex.FS -> pyr.dendrite with all_to_all { weight = 1 nA; }
                }
                """);
        Projection e = n.projection("e").orElseThrow();
        assertEquals(80 * 10, e.synapseCount());
        assertEquals(0, e.synapses().rowLength(85), "FS rows are empty");
        assertEquals(10, e.synapses().rowLength(0));
        assertEquals(10, e.synapses().target(e.synapses().rowStart(3)));
        assertEquals(10.0, e.fanOut().mean());
        assertEquals(80.0, e.fanIn(100).mean());
        Projection f = n.projection("f").orElseThrow();
        assertEquals("dendrite", f.postCompartment());
        assertEquals(20 * 10, f.synapseCount());
        assertEquals(80, f.preRange().from());
    }

    @Test
    void modulatorsPathwaysStimuliAndProbesAreBound() {
        Network n = Elaborate.network("""
                celltype D1 : lif { receptor D1R binds DA; }
                celltype D2 : lif { receptor D2R binds DA on soma; receptor RR binds R; }
                network Striatum {
                  population ctx[40] : poisson { rate = 8 Hz; }
                  population snc[4] : lif;
                  population msn[80] : mix { D1: 0.5, D2: 0.5 };
                  project ff : ctx -> msn.D1 with fixed_prob(0.1) plasticity da_stdp(tau_c = 1 s) { weight ~ uniform(0.1, 0.5); }
                  modulator DA { source snc; release 0.3 per spike; decay 200 ms; baseline 0.01; scope per_target_neuron; }
                  modulator R { source external "reward"; decay 1 s; }
                  pathway d1 : DA -> celltype D1 via D1R { effect excitability += 20 pA * [DA] response sigmoid(4, 0.5); }
                  pathway d2 : DA -> msn.D2 via D2R { effect threshold += 0.1 mV * (1 - [DA]); effect plasticity_sign = -1; }
                  pathway l : DA -> proj ff via D1R { effect learning_rate *= 1 + [DA]; }
                  pathway r : R -> msn.D2 via RR { effect gain *= 1 + [R]; }
                  stimulus drive : poisson(rate = 5 Hz, start = 100 ms) -> msn[0:10] { weight ~ uniform(1 nA, 2 nA); }
                  stimulus bias : dc(amplitude = 0.1 nA) -> snc;
                  probe spikes of msn;
                  probe v : state(v) of msn.D2 every 5 ms;
                  probe m : modulator(DA) of msn[0:3];
                }
                simulate Striatum { dt = 1 ms; seed = 7; }
                """);
        Modulator da = n.modulators().get(n.modulatorIndex("DA"));
        assertEquals(new ModulatorSource.FromPopulation(1, "snc"), da.source());
        assertEquals(0.3, da.releasePerSpike());
        assertEquals(0.2, da.decay(), 1e-15);
        assertEquals(0.01, da.baseline());
        assertEquals(ModulatorScope.PER_TARGET_NEURON, da.scope());
        assertEquals(new ModulatorSource.External("reward"), n.modulators().get(1).source());
        assertEquals(ModulatorScope.GLOBAL, n.modulators().get(1).scope());

        PathwayBinding d1 = n.pathways().get(0);
        assertEquals(new PathwayTargetBinding.Neurons(List.of(new NeuronRange(2, 0, 44, 40, "soma"))), d1.target());
        EffectBinding e1 = d1.effects().get(0);
        assertEquals(Dimension.CURRENT, e1.valueDimension());
        assertEquals(ResponseFunction.Kind.SIGMOID, e1.response().kind());
        assertEquals(new IrExpr.Affine(0, 20e-12, 0), e1.value().affine().orElseThrow());
        double response = 1 / (1 + Math.exp(-4 * (0.7 - 0.5)));
        assertEquals(20e-12 * response, e1.evaluate(new double[] {0.7, 0}, 0), 1e-24);

        PathwayBinding d2 = n.pathways().get(1);
        assertEquals(new PathwayTargetBinding.Neurons(List.of(new NeuronRange(2, 40, 84, 40, "soma"))), d2.target(),
                "the D2 block of msn");
        IrExpr.Affine a = d2.effects().get(0).value().affine().orElseThrow();
        assertEquals(1e-4, a.intercept(), 1e-18);
        assertEquals(-1e-4, a.slope(), 1e-18);
        assertEquals(EffectBinding.Op.SET, d2.effects().get(1).op());
        assertEquals(new PathwayTargetBinding.Synapses(0, "ff"), n.pathways().get(2).target());

        Projection ff = n.projection("ff").orElseThrow();
        assertTrue(ff.synapses().weights().summary().min() >= 0.1e-9 * 0.999
                && ff.synapses().weights().summary().max() <= 0.5e-9 * 1.001, "plain-number weights are read in nA");
        assertEquals(1e-9, ff.plasticity().orElseThrow().number("w_max").orElseThrow(), 1e-24,
                "the default weight bound is a plain number, read in nA like weights");
        assertEquals(1.0, ff.plasticity().orElseThrow().number("tau_c").orElseThrow());
        assertEquals(0.02, ff.plasticity().orElseThrow().number("tau_plus").orElseThrow(), "catalog default");

        Stimulus drive = n.stimuli().get(0);
        assertEquals(new StimulusSource.Poisson(5, 0.1, Double.POSITIVE_INFINITY), drive.source());
        assertEquals(new NeuronRange(2, 0, 44, 10, "soma"), drive.target());
        assertEquals(10, drive.weight().orElseThrow().size());
        assertEquals("Striatum/stimulus:drive", drive.randomPath());
        assertEquals(7, drive.seed());
        assertTrue(n.stimuli().get(1).weight().isEmpty());

        Probe v = n.probes().get(1);
        assertEquals("state", v.kind());
        assertEquals("v", v.variable().orElseThrow());
        assertEquals(5, v.everySteps());
        assertEquals(new NeuronRange(2, 40, 84, 40, "soma"), v.target());
        assertEquals("spikes_msn", n.probes().get(0).name());
        assertEquals("DA", n.probes().get(2).variable().orElseThrow());
    }

    @Test
    void aSpikeStimulusNeedsAWeight() {
        Elaborate.unanalysed("""
                network N {
                  population a[5] : lif;
                  stimulus s : poisson(rate = 5 Hz) -> a;
                }
                """).errorAt("NM-E0117", "net.nmap", 3, 3);
    }

    @Test
    void aPathwayOnCellsWithoutTheReceptorIsRejected() {
        Elaborate.unanalysed("""
                celltype D1 : lif { receptor D1R binds DA; }
                network N {
                  population snc[2] : lif;
                  population d[5] : D1;
                  modulator DA { source snc; decay 100 ms; }
                  pathway p : DA -> d via D2R { effect gain *= 1 + [DA]; }
                }
                """).errorAt("NM-E0403", "net.nmap", 6, 27);
    }

    @Test
    void everyElaborationProblemIsReportedInOneRun() {
        // Each of these passes analysis and only shows when values are drawn or counted.
        Elaborate.Run run = Elaborate.run("""
                network N {
                  population a[50000] : lif;
                  population b[10] : izhikevich { b ~ gamma(1e-10, 1); }
                  project big : a -> a with all_to_all { weight = 1 nA; }
                  project slow : a[0:5] -> a[0:5] with one_to_one { weight = 1 nA; delay ~ uniform(1 ms, 100 s); }
                }
                """);
        assertEquals(List.of("NM-E0601", "NM-E0602", "NM-E0602"),
                run.diagnostics().all().stream().map(d -> d.code().id()).sorted().toList(), Elaborate.render(run.diagnostics()));
        assertTrue(run.result().isEmpty());
    }

    @Test
    void twoUnnamedProjectionsBetweenTheSamePopulationsClash() {
        Elaborate.Run run = Elaborate.unanalysed("""
                network N {
                  population a[5] : lif;
                  project a -> a with one_to_one { weight = 1 nA; }
                  project a -> a with all_to_all { weight = 2 nA; }
                }
                """);
        run.errorAt("NM-E0102", "net.nmap", 4, 3);
        assertTrue(run.error("NM-E0102").help().orElseThrow().contains("project other_name : a -> a"));
    }
}
