package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.backends.loihi1.rules.ProjectionsEndOnCores;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A projection onto a spike source, which the language rejects but a network built otherwise can
 * hold: the mapping engine finds it under the rule's id, and the compile reports it once, by the
 * rule, at the projection's line.
 */
class OffCoreTargetTest {
    @Test
    void aProjectionOntoASpikeSourceIsReportedOnceByItsRule() {
        Network net = Networks.net("""
                  population a[10] : lif;
                  population p[10] : poisson { rate = 10 Hz; }
                  project x : a -> a with all_to_all { weight = 0.5 nA; }
                """);
        Projection x = net.projections().get(0);
        Projection ontoSource = new Projection(x.name(), x.span(), x.pre(), 1, x.preRange(), x.postRange(),
                x.postCompartment(), x.receptor(), x.receptorInferred(), x.connector(), x.plasticity(), x.synapses(),
                x.seed());
        Network broken = new Network(net.name(), net.span(), net.simulation(), net.populations(), List.of(ontoSource),
                net.modulators(), net.pathways(), net.stimuli(), net.probes(), net.targets());

        Loihi1Checked checked = Loihi1Compiler.compile(broken, Loihi1CompileOptions.defaults());

        List<Violation> src = checked.violations().stream()
                .filter(v -> v.ruleId().equals(ProjectionsEndOnCores.ID)).toList();
        assertEquals(1, src.size(), checked.violations()::toString);
        assertEquals(x.span().line(), src.get(0).span().line());
        assertEquals(100, src.get(0).actual());
        assertFalse(checked.feasible());
        assertEquals(src, checked.violations(), "nothing else is wrong with the network");
    }
}
