package io.neuromap.backends.loihi1.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.TestNmap;
import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1ModulationArithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ModulationEffect;
import io.neuromap.backends.loihi1.config.Loihi1ModulationRegister;
import io.neuromap.backends.loihi1.config.Loihi1Modulator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the lowering writes for modulators and effects: the modulator's integers, an affine
 * excitability effect exact at every concentration (table of two entries, scale = current scale
 * times the unit), threshold groups with profiles of their own, and a time-constant effect whose
 * table starts at the profile's decay, on profiles no unmodulated compartment shares.
 */
class ModulationLoweringTest {
    private static final String NMAP = """
            network N {
              celltype A : lif { tau_m = 20 ms; v_rest = -65 mV; v_reset = -70 mV; v_thresh = -50 mV; receptor R binds DA; }
              population src[10] : poisson { rate = 20 Hz; }
              population a[30] : A;
              population b[30] : lif { tau_m = 20 ms; v_rest = -65 mV; v_reset = -70 mV; v_thresh = -50 mV; }
              project src -> a with all_to_all { weight = 0.5 nA; receptor = exc; }
              project src -> b with all_to_all { weight = 0.5 nA; receptor = exc; }
              modulator DA { source src; release 0.25 per spike; decay 50 ms; baseline 0.5; delay 2 ms; }
              pathway ex : DA -> a[0:10] via R { effect excitability += 0.2 nA * [DA]; }
              pathway th : DA -> a[10:20] via R { effect threshold -= 3 mV * [DA]; }
              pathway ta : DA -> a[20:30] via R { effect param(tau_m) *= 1 + [DA]; }
              pathway ga : DA -> a[0:10] via R { effect gain *= 1 + 0.5 * [DA]; }
            }
            simulate N { dt = 1 ms; duration = 50 ms; seed = 2; }
            """;

    @Test
    void modulatorsAndEffectsBecomeTheProgramsIntegers() throws Exception {
        Loihi1Config config = Loihi1Compiler.compile(TestNmap.elaborate(NMAP), Loihi1CompileOptions.defaults()).config()
                .orElseThrow();
        Loihi1Modulator da = config.modulation().modulators().get(0);
        assertEquals(32768, da.baseline());
        assertEquals(16384, da.release());
        assertEquals(2, da.delay());
        assertEquals(Math.round(65536 * Math.exp(-1.0 / 50)), da.keep());
        assertTrue(da.source().hostStep().length > 0, "a poisson source is counted on the host");

        List<Loihi1ModulationEffect> effects = config.modulation().effects();
        Loihi1ModulationEffect ex = effects.get(0);
        assertEquals(Loihi1ModulationRegister.BIAS, ex.register());
        assertEquals(10, ex.count());
        assertEquals(2, ex.lut().values().length, "an affine value needs two entries");
        // y(0) = 0, and the bias step at c = 1.0 is the neuron's current scale x 0.2 nA (to the rounding).
        assertEquals(0, ex.lut().values()[0]);

        Loihi1ModulationEffect th = effects.get(1);
        assertEquals(Loihi1ModulationRegister.VTH, th.register());
        Loihi1CoreConfig core = config.chips().get(0).cores().get(0);
        int[] vthProfile = core.compartments().vthProfile();
        Set<Integer> modulated = new HashSet<>();
        for (int t = 0; t < th.count(); t++) {
            modulated.add(th.index()[t]);
            assertTrue(th.scale()[t] < 0, "threshold -= gives negative scales");
        }
        assertEquals(1, modulated.size(), "a[10:20] form one threshold group");
        int users = 0;
        for (int p : vthProfile) {
            users += modulated.contains(p) ? 1 : 0;
        }
        assertEquals(10, users, "no other compartment uses the modulated threshold profile");

        Loihi1ModulationEffect tau = effects.get(2);
        assertEquals(Loihi1ModulationRegister.DECAY_V, tau.register());
        int profile = tau.index()[0];
        assertEquals(core.compartmentProfiles().get(profile).decayV(),
                Loihi1ModulationArithmetic.lookup(tau.lut(), 0), "f = 1 at c = 0: the unmodulated decay");
        int sharing = 0;
        for (int p : core.compartments().cxProfile()) {
            sharing += p == profile ? 1 : 0;
        }
        assertEquals(10, sharing, "b's compartments, of equal decay, keep a profile of their own");
        Loihi1ModulationEffect rest = effects.get(3);
        assertEquals(Loihi1ModulationRegister.BIAS, rest.register(), "v_rest above v_reset: the bias follows the leak");
        assertEquals(0, Loihi1ModulationArithmetic.lookup(rest.lut(), 0));

        Loihi1ModulationEffect gain = effects.get(4);
        assertEquals(Loihi1ModulationRegister.WEIGHT, gain.register());
        assertEquals(10, gain.count(), "lif without an inhibitory current: one compartment per neuron");
        assertEquals(1L << gain.fracBits(), Loihi1ModulationArithmetic.lookup(gain.lut(), 0), "g = 1 at c = 0");
        assertEquals(3L << (gain.fracBits() - 1), Loihi1ModulationArithmetic.lookup(gain.lut(), 1 << 16),
                "g = 1.5 at c = 1");
    }

    @Test
    void gainOnPlasticSynapsesAndLearningEffectsAreLeftToOthers() throws Exception {
        String nmap = """
                network N {
                  celltype A : lif { receptor R binds DA; }
                  population src[10] : poisson { rate = 20 Hz; }
                  population a[10] : A;
                  project p : src -> a with all_to_all plasticity stdp() { weight = 0.5 nA; receptor = exc; }
                  modulator DA { source src; release 0.25 per spike; decay 50 ms; }
                  pathway g : DA -> a via R { effect gain *= 1 + [DA]; effect learning_rate *= 2; }
                }
                simulate N { dt = 1 ms; duration = 50 ms; seed = 2; }
                """;
        Loihi1Lowering lowering = Loihi1Lowerer.lower(TestNmap.elaborate(nmap), Loihi1LowerOptions.defaults());
        List<LoweringFacts.Modulation> facts = lowering.facts().modulation();
        assertEquals(2, facts.size(), facts.toString());
        assertEquals("effect", facts.get(0).kind());
        assertTrue(facts.get(0).reason().contains("plastic projection `p`"), facts.get(0).reason());
        assertEquals(ModulationLowering.LEARNING_EFFECT, facts.get(1).kind());
        assertTrue(lowering.modulation().effects().isEmpty());
    }

    @Test
    void anEffectThatReadsAnotherModulatorIsNamedForThatCauseWhateverItsKind() throws Exception {
        String nmap = """
                network N {
                  celltype A : lif { receptor R binds DA; }
                  population src[10] : poisson { rate = 20 Hz; }
                  population a[30] : A;
                  project src -> a with all_to_all { weight = 0.5 nA; receptor = exc; }
                  modulator DA { source src; release 0.25 per spike; decay 50 ms; }
                  modulator NA { source src; release 0.25 per spike; decay 50 ms; }
                  pathway ex : DA -> a[0:10] via R { effect excitability += 0.2 nA * [DA] * [NA]; }
                  pathway ga : DA -> a[10:20] via R { effect gain *= 1 + [NA]; }
                  pathway ta : DA -> a[20:30] via R { effect param(tau_m) *= 1 + [NA]; }
                }
                simulate N { dt = 1 ms; duration = 50 ms; seed = 2; }
                """;
        Loihi1Lowering lowering = Loihi1Lowerer.lower(TestNmap.elaborate(nmap), Loihi1LowerOptions.defaults());
        List<LoweringFacts.Modulation> facts = lowering.facts().modulation();
        assertEquals(3, facts.size(), facts.toString());
        for (LoweringFacts.Modulation fact : facts) {
            assertEquals("its value reads another modulator; the management program tabulates an effect as a "
                    + "function of its own pathway's modulator", fact.reason(), fact.toString());
            assertEquals("split the effect into one pathway per modulator", fact.help(), fact.toString());
        }
    }
}
