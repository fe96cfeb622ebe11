package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The dendritic trees of a core, stated explicitly: each row says that compartment {@code child}
 * feeds compartment {@code parent} through the stack as its input A (port 0) or B (port 1). The
 * hardware needs only the profiles' stack and join settings; the edges are the intent those
 * settings must realise, and {@link Loihi1ConfigValidator} checks that they do
 * (specs/loihi1-compartments-reward.md §1.6). A core without trees has no rows.
 *
 * @param child the compartment that pushes
 * @param parent the compartment that pops (or peeks) it
 * @param port 0 if the parent receives it as A, 1 as B
 */
public record Loihi1TreeEdges(int[] child, int[] parent, int[] port) {

    public Loihi1TreeEdges {
        requireNonNull(child, "child is null");
        requireNonNull(parent, "parent is null");
        requireNonNull(port, "port is null");
        if (parent.length != child.length) {
            throw new IllegalArgumentException("parent has " + parent.length + " values, child has " + child.length);
        }
        if (port.length != child.length) {
            throw new IllegalArgumentException("port has " + port.length + " values, child has " + child.length);
        }
    }

    /** Port number of input A. */
    public static final int PORT_A = 0;

    /** Port number of input B. */
    public static final int PORT_B = 1;

    /** A core without trees. */
    public static Loihi1TreeEdges none() {
        return new Loihi1TreeEdges(new int[0], new int[0], new int[0]);
    }

    /** Number of edges. */
    public int count() {
        return child.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1TreeEdges)) {
            return false;
        }
        Loihi1TreeEdges that = (Loihi1TreeEdges) o;
        return Arrays.equals(child, that.child)
                && Arrays.equals(parent, that.parent)
                && Arrays.equals(port, that.port);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(child);
        h = 31 * h + Arrays.hashCode(parent);
        h = 31 * h + Arrays.hashCode(port);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1TreeEdges[" + "child=" + child.length + " values" + ", "
                + "parent=" + parent.length + " values" + ", "
                + "port=" + port.length + " values" + "]";
    }
}
