package io.neuromap.backends.loihi1.emit;

import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;

/** The {@code route} pass: build every core's input and output axon tables and the host's spike routes. */
public final class RoutePass implements Pass<Loihi1Placed, Loihi1Routed> {
    @Override
    public String name() {
        return "route";
    }

    @Override
    public String description() {
        return "build every core's input and output axon tables and the host's spike routes";
    }

    @Override
    public IrKind<Loihi1Placed> requires() {
        return Loihi1Placed.KIND;
    }

    @Override
    public IrKind<Loihi1Routed> provides() {
        return Loihi1Routed.KIND;
    }

    @Override
    public Loihi1Routed run(Loihi1Placed input, PassContext context) {
        Loihi1Routing routing = Loihi1Router.route(input.partitioned().lowering(), input.partitioned().partition(),
                input.placement());
        // Reward axons and the routes of modulators' source spikes to them (learning engine).
        routing = io.neuromap.backends.loihi1.learning.LearningRoutes.withRewardAxons(input.partitioned().lowering(),
                input.partitioned().partition(), routing);
        context.statistics().add("synapses", routing.synapseCount());
        context.statistics().add("host routes", routing.hostAxon().length);
        return new Loihi1Routed(input, routing);
    }
}
