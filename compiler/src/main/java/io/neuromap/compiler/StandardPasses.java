package io.neuromap.compiler;

import io.neuromap.compiler.elaborate.ElaboratePass;
import io.neuromap.compiler.frontend.AnalysePass;
import io.neuromap.compiler.frontend.LoadPass;
import io.neuromap.compiler.pass.PassRegistry;
import io.neuromap.compiler.pass.Pipeline;

/**
 * The passes of the compiler by name, for pipelines written as text ({@code --pipeline=...}):
 * <ul>
 *   <li>{@code load}: path → sources (read and parse the file and its imports);</li>
 *   <li>{@code analyse}: sources → analyzed (names, units, domains, neuromodulation);</li>
 *   <li>{@code elaborate}: analyzed → network (neurons, synapses, bound pathways);</li>
 *   <li>{@code check} = {@code load,analyse}: what {@code neuromap check} runs.</li>
 * </ul>
 * Later stages add their pass here (one line each) and extend the named pipelines.
 */
public final class StandardPasses {
    /** The pipeline {@code neuromap check} runs. */
    public static final String CHECK = "check";

    private static final PassRegistry REGISTRY = PassRegistry.builder()
            .add(new LoadPass())
            .add(new AnalysePass())
            .add(new ElaboratePass())
            .pipeline(CHECK, "load,analyse")
            .build();

    private StandardPasses() {
    }

    public static PassRegistry registry() {
        return REGISTRY;
    }

    /** Parses pipeline text against the standard passes; see {@link PassRegistry#parse}. */
    public static Pipeline pipeline(String text) {
        return REGISTRY.parse(text);
    }
}
