package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a core's dendritic trees: runs the core's stack the way the chip does in one step
 * (compartments in ascending index; each pops or peeks per its profile's {@code stack_in}, then
 * pushes per its {@code stack_out}; depth 2) and compares the child-to-parent edges this produces
 * with the core's declared {@code tree_edges}. It reports a pop from an empty stack, a push onto
 * a full one, a value left on the stack at the end of the step, an unrelated compartment inside a
 * tree, and every edge that is declared but not realised or realised but not declared.
 *
 * @see "specs/loihi1-compartments-reward.md §1.3 (PEEK_A, POP_A_AND_B: A is the top), §1.6 (order,
 *     contiguity, binary trees)"
 */
final class Loihi1TreeCheck {

    private Loihi1TreeCheck() {
    }

    static void check(Loihi1CoreConfig core, String at, Loihi1ConfigProblems problems) {
        String tableAt = at + "/" + Loihi1ConfigDescriptor.K_COMPARTMENT_TABLE;
        String edgesAt = at + "/" + Loihi1ConfigDescriptor.K_TREE_EDGES;
        List<Loihi1CompartmentProfile> profiles = core.compartmentProfiles();
        int[] cxProfile = core.compartments().cxProfile();
        int n = core.compartmentCount();
        int[] stack = new int[Loihi1Limits.COMPARTMENT_STACK_DEPTH];
        int depth = 0;
        long[] derived = new long[2 * n];
        int edges = 0;
        for (int cx = 0; cx < n; cx++) {
            Loihi1CompartmentProfile p = profiles.get(cxProfile[cx]);
            boolean usesStack = p.stackIn() != Loihi1StackIn.SKIP || p.stackOut() != Loihi1StackOut.SKIP;
            if (depth > 0 && !usesStack) {
                problems.add(tableAt, "compartment " + cx + " does not use the stack but sits between compartment "
                        + stack[depth - 1] + ", which pushed, and the compartment that pops it: a tree's compartments "
                        + "must be contiguous");
            }
            if (p.stackIn() == Loihi1StackIn.PEEK_A || p.stackIn() == Loihi1StackIn.POP_A) {
                if (depth < 1) {
                    problems.add(tableAt, "compartment " + cx + " takes input A from the stack (stack_in "
                            + p.stackIn().jsonName() + "), but no compartment before it pushed one");
                } else {
                    derived[edges++] = key(stack[depth - 1], cx, Loihi1TreeEdges.PORT_A);
                    if (p.stackIn() == Loihi1StackIn.POP_A) {
                        depth--;
                    }
                }
            } else if (p.stackIn() == Loihi1StackIn.POP_A_AND_B) {
                if (depth < 2) {
                    problems.add(tableAt, "compartment " + cx + " pops A and B (stack_in pop_a_and_b), but the stack "
                            + "holds " + depth + " value" + (depth == 1 ? "" : "s"));
                    depth = 0;
                } else {
                    derived[edges++] = key(stack[depth - 1], cx, Loihi1TreeEdges.PORT_A);
                    derived[edges++] = key(stack[depth - 2], cx, Loihi1TreeEdges.PORT_B);
                    depth -= 2;
                }
            }
            if (p.stackOut() != Loihi1StackOut.SKIP) {
                if (depth == stack.length) {
                    problems.add(tableAt, "compartment " + cx + " pushes onto a full stack (depth " + stack.length
                            + "): dendritic trees are binary, lay out the B subtree, then the A chain, then the parent");
                } else {
                    stack[depth++] = cx;
                }
            }
        }
        for (int i = 0; i < depth; i++) {
            problems.add(tableAt, "compartment " + stack[i] + " pushes a value that no later compartment pops "
                    + "(the stack must be empty at the end of each step)");
        }
        compare(Arrays.copyOf(derived, edges), core.treeEdges(), edgesAt, problems);
    }

    private static void compare(long[] derived, Loihi1TreeEdges declared, String at, Loihi1ConfigProblems problems) {
        long[] stated = new long[declared.count()];
        for (int e = 0; e < stated.length; e++) {
            stated[e] = key(declared.child()[e], declared.parent()[e], declared.port()[e]);
        }
        Arrays.sort(derived);
        Arrays.sort(stated);
        int i = 0;
        int j = 0;
        while (i < derived.length || j < stated.length) {
            if (j >= stated.length || (i < derived.length && derived[i] < stated[j])) {
                problems.add(at, "compartment " + child(derived[i]) + " feeds compartment " + parent(derived[i])
                        + " as input " + portName(derived[i]) + " through the stack, but tree_edges does not list "
                        + "this edge");
                i++;
            } else if (i >= derived.length || stated[j] < derived[i]) {
                problems.add(at, "edge child " + child(stated[j]) + " -> parent " + parent(stated[j]) + " (input "
                        + portName(stated[j]) + ") is not what the profiles' stack_in/stack_out do");
                j++;
            } else {
                i++;
                j++;
            }
        }
    }

    private static long key(long child, long parent, long port) {
        return (child << 32) | (parent << 1) | port;
    }

    private static long child(long key) {
        return key >>> 32;
    }

    private static long parent(long key) {
        return (key & 0xffffffffL) >>> 1;
    }

    private static String portName(long key) {
        return (key & 1) == Loihi1TreeEdges.PORT_A ? "A" : "B";
    }
}
