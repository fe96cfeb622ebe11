package io.neuromap.backends.loihi1.emit;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;

/** The {@code emit} pass: assemble the Loihi 1 config: profiles, compartments, trees, synapses, axons, stimuli, probes, origin. */
public final class EmitPass implements Pass<Loihi1Routed, Loihi1Emitted> {

    @Override
    public String name() {
        return "emit";
    }

    @Override
    public String description() {
        return "assemble the Loihi 1 config: profiles, compartments, trees, synapses, axons, stimuli, probes, origin";
    }

    @Override
    public IrKind<Loihi1Routed> requires() {
        return Loihi1Routed.KIND;
    }

    @Override
    public IrKind<Loihi1Emitted> provides() {
        return Loihi1Emitted.KIND;
    }

    @Override
    public Loihi1Emitted run(Loihi1Routed input, PassContext context) {
        Loihi1Partitioned p = input.placed().partitioned();
        Loihi1Config config = Loihi1Emitter.emit(p.lowering(), p.partition(), input.routing(), p.limits())
                .withLearning(io.neuromap.backends.loihi1.learning.LearningSection.emit(p.lowering(), p.partition(),
                        input.routing()));
        context.statistics().add("spike stimuli", config.spikes().count());
        context.statistics().add("current stimuli", config.current().count());
        return new Loihi1Emitted(input, config);
    }
}
