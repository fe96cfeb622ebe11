package io.neuromap.backends.loihi1.lower;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import io.neuromap.compiler.ir.SynapseReceptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The compartment tree every neuron of one lowered population gets, in the order the chip
 * needs: children before parents and each tree contiguous, the B subtree, then the A chain, then
 * the parent (loihi1-compartments-reward.md §1.6), so that the core's depth-2 stack realises the
 * edges. The soma is always last. A population has one shape, so that the partitioner can count
 * its compartments and profiles per neuron.
 *
 * <p>Shapes: {@code [soma]}; {@code [aux, soma]} (soma pops A); {@code [dendrite, soma]};
 * {@code [dendrite.aux, dendrite, soma]}; with both a dendrite and a soma auxiliary, the
 * auxiliary is input B and the dendrite chain input A: {@code [aux, (dendrite.aux,) dendrite,
 * soma]} with the soma popping A and B.
 */
public final class TreeShape {
    private final List<CompartmentRole> order;
    private final int[] parent;
    private final int[] port;
    private final int[] children;

    private TreeShape(List<CompartmentRole> order, int[] parent, int[] port) {
        this.order = List.copyOf(order);
        this.parent = parent;
        this.port = port;
        this.children = new int[order.size()];
        for (int p : parent) {
            if (p >= 0) {
                children[p]++;
            }
        }
    }

    /**
     * The shape for a neuron with the given extra compartments.
     *
     * @param dendrite a {@code two_comp} dendrite
     * @param somaAux the soma's inhibitory current needs its own compartment
     * @param dendriteAux the dendrite's inhibitory current needs its own compartment (only with a dendrite)
     */
    public static TreeShape of(boolean dendrite, boolean somaAux, boolean dendriteAux) {
        if (dendriteAux && !dendrite) {
            throw new IllegalArgumentException("a dendrite auxiliary needs a dendrite");
        }
        List<CompartmentRole> order = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        // The soma's children: A = the dendrite chain (or the auxiliary alone), B = the auxiliary
        // when both exist. B's subtree is laid out first.
        boolean twoChildren = dendrite && somaAux;
        if (somaAux) {
            order.add(CompartmentRole.SOMA_AUX);
            parents.add(-1);
            ports.add(twoChildren ? Loihi1TreeEdges.PORT_B : Loihi1TreeEdges.PORT_A);
        }
        int dendriteAt = -1;
        if (dendrite) {
            if (dendriteAux) {
                order.add(CompartmentRole.DENDRITE_AUX);
                parents.add(-1);
                ports.add(Loihi1TreeEdges.PORT_A);
            }
            dendriteAt = order.size();
            order.add(CompartmentRole.DENDRITE);
            parents.add(-1);
            ports.add(Loihi1TreeEdges.PORT_A);
        }
        int soma = order.size();
        order.add(CompartmentRole.SOMA);
        parents.add(-1);
        ports.add(-1);
        int[] parent = new int[order.size()];
        int[] port = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            port[i] = ports.get(i);
            switch (order.get(i)) {
                case SOMA_AUX:
                case DENDRITE:
                    parent[i] = soma;
                    break;
                case DENDRITE_AUX:
                    parent[i] = dendriteAt;
                    break;
                default:
                    parent[i] = -1;
            }
        }
        return new TreeShape(order, parent, port);
    }

    /** Compartments per neuron. */
    public int size() {
        return order.size();
    }

    /** The role at position {@code position} of a neuron's block. */
    public CompartmentRole role(int position) {
        return order.get(position);
    }

    public List<CompartmentRole> roles() {
        return order;
    }

    /** The position of {@code role}, or -1 when the shape has none. */
    public int position(CompartmentRole role) {
        return order.indexOf(requireNonNull(role, "role is null"));
    }

    /** The soma's position: always the last. */
    public int somaPosition() {
        return order.size() - 1;
    }

    /** The parent position of {@code position}, or -1 for the soma. */
    public int parent(int position) {
        return parent[position];
    }

    /** The stack port ({@link Loihi1TreeEdges#PORT_A} or B) through which {@code position} feeds its parent. */
    public int port(int position) {
        return port[position];
    }

    /** Number of children of {@code position}. */
    public int children(int position) {
        return children[position];
    }

    /** What the compartment at {@code position} pops. */
    public Loihi1StackIn stackIn(int position) {
        return CompartmentRole.stackIn(children[position]);
    }

    /** How it joins its children. */
    public Loihi1JoinOp join(int position) {
        return CompartmentRole.join(children[position]);
    }

    /**
     * The position whose synaptic current a synapse onto model compartment {@code compartment}
     * (as the projection names it: {@code soma}, {@code dendrite}) with {@code receptor} drives:
     * the auxiliary for inhibitory synapses where one exists, else the compartment itself.
     */
    public int positionFor(String compartment, SynapseReceptor receptor) {
        boolean dendrite = "dendrite".equals(compartment);
        CompartmentRole main = dendrite ? CompartmentRole.DENDRITE : CompartmentRole.SOMA;
        CompartmentRole aux = dendrite ? CompartmentRole.DENDRITE_AUX : CompartmentRole.SOMA_AUX;
        if (receptor == SynapseReceptor.INH && position(aux) >= 0) {
            return position(aux);
        }
        int p = position(main);
        if (p < 0) {
            throw new IllegalArgumentException("no compartment `" + compartment + "` in shape " + order);
        }
        return p;
    }

    /** The position of model compartment {@code compartment} itself (probes, dc stimuli). */
    public int positionOf(String compartment) {
        return position("dendrite".equals(compartment) ? CompartmentRole.DENDRITE : CompartmentRole.SOMA);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeShape t && t.order.equals(order);
    }

    @Override
    public int hashCode() {
        return order.hashCode();
    }

    @Override
    public String toString() {
        return "TreeShape" + order;
    }
}
