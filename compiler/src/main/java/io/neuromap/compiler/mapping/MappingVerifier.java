package io.neuromap.compiler.mapping;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proves a mapping right, independently of how it was made: every neuron that runs on a core is
 * on exactly one core and no other neuron is; every synapse of the IR is assigned exactly once
 * (to its post neuron's core); every core's usage, recounted from scratch from the IR and the
 * model's {@link Demand} by a different algorithm than the partitioner's incremental one (sort
 * and count, source by source), matches what the partition claims; every core is within every
 * limit by {@link ResourceModel#utilization} or the violation is reported; and a placement puts
 * each core on its own slot of the mesh. Run after the partition and place passes and by the
 * tests. Memory: one {@code int} per neuron and a small buffer; time: one pass over the synapses.
 */
public final class MappingVerifier {
    /** Problems listed before the verifier stops adding more: the first ones locate a bug. */
    private static final int MAX_PROBLEMS = 50;

    private MappingVerifier() {
    }

    /** Checks a partition. */
    public static MappingCheck verify(Network network, Partition partition) {
        return verify(network, partition, null);
    }

    /** Checks a partition and its placement ({@code placement} may be null). */
    public static MappingCheck verify(Network network, Partition partition, Placement placement) {
        requireNonNull(network, "network is null");
        requireNonNull(partition, "partition is null");
        ResourceModel model = partition.model();
        Demand demand = model.demand(network);
        List<Resource> resources = model.resources();
        int resourceCount = resources.size();
        int cores = partition.coreCount();
        int neurons = network.neuronCount();
        List<String> problems = new ArrayList<>();

        // 1. Neurons: slices cover each on-core neuron exactly once.
        int[] coreOf = new int[neurons];
        Arrays.fill(coreOf, -1);
        int[] neuronsOn = new int[cores];
        for (int c = 0; c < cores; c++) {
            for (Slice s : partition.slices(c)) {
                if (s.population() >= network.populations().size()) {
                    problem(problems, "core " + c + " has a slice of population " + s.population() + ", which does not exist");
                    continue;
                }
                Population pop = network.populations().get(s.population());
                if (s.to() > pop.size()) {
                    problem(problems, "core " + c + " has slice " + s + " beyond population `" + pop.name() + "` of "
                            + pop.size());
                    continue;
                }
                if (!demand.placed(s.population())) {
                    problem(problems, "core " + c + " holds population `" + pop.name() + "`, which runs off-core");
                }
                for (int i = s.from(); i < s.to(); i++) {
                    int g = pop.offset() + i;
                    if (coreOf[g] >= 0) {
                        problem(problems, "neuron " + i + " of `" + pop.name() + "` is on cores " + coreOf[g] + " and " + c);
                    }
                    coreOf[g] = c;
                    neuronsOn[c]++;
                }
            }
            if (neuronsOn[c] != partition.neurons(c)) {
                problem(problems, "core " + c + " has " + neuronsOn[c] + " neurons in its slices but claims "
                        + partition.neurons(c));
            }
            if (neuronsOn[c] == 0) {
                problem(problems, "core " + c + " is empty");
            }
        }
        for (int p = 0; p < network.populations().size(); p++) {
            Population pop = network.populations().get(p);
            for (int i = 0; i < pop.size(); i++) {
                int g = pop.offset() + i;
                if (demand.placed(p) && coreOf[g] < 0) {
                    problem(problems, "neuron " + i + " of `" + pop.name() + "` is on no core");
                }
                if (partition.coreOf(g) != coreOf[g]) {
                    problem(problems, "neuron " + i + " of `" + pop.name() + "`: coreOf says " + partition.coreOf(g)
                            + ", the slices say " + coreOf[g]);
                }
            }
        }

        // 2. Synapses: each on its post neuron's core, exactly once; 3. usage recounted source by source.
        long[][] used = new long[cores][resourceCount];
        long[] synapsesOn = new long[cores];
        long offCore = 0;
        long assigned = 0;
        List<Violation> violations = new ArrayList<>();
        int[] postOffset = new int[network.projections().size()];
        for (int j = 0; j < network.projections().size(); j++) {
            Projection p = network.projections().get(j);
            postOffset[j] = network.populations().get(p.post()).offset();
            SynapseMatrix m = p.synapses();
            int[] targets = m.targetArray();
            long unassigned = 0;
            for (int t : targets) {
                int c = coreOf[postOffset[j] + t];
                if (c >= 0) {
                    synapsesOn[c]++;
                    assigned++;
                } else {
                    unassigned++;
                }
            }
            if (unassigned > 0) {
                if (demand.placed(p.post())) {
                    problem(problems, unassigned + " synapses of projection `" + p.name() + "` end on neurons with no core");
                } else {
                    offCore += unassigned;
                    String post = network.populations().get(p.post()).name();
                    violations.add(new Violation(model.ruleId(MappingRule.OFF_CORE_TARGET), Severity.ERROR, p.span(),
                            "core assignment", p.synapseCount(), 0, "synapses",
                            "projection `" + p.name() + "` ends on population `" + post + "`, whose neurons do not run on a "
                                    + model.target() + " core",
                            "project onto a population of neurons, not onto a spike source"));
                }
            }
        }
        if (assigned + offCore != network.synapseCount()) {
            problem(problems, "assigned " + assigned + " + off-core " + offCore + " synapses of " + network.synapseCount());
        }
        for (int c = 0; c < cores; c++) {
            if (synapsesOn[c] != partition.synapses(c)) {
                problem(problems, "core " + c + " receives " + synapsesOn[c] + " synapses but claims " + partition.synapses(c));
            }
        }
        long[] remote = recountInputs(network, demand, resources, coreOf, used);
        recountNeurons(network, partition, demand, resources, used);

        for (int c = 0; c < cores; c++) {
            long[] claimed = partition.usage(c);
            for (int r = 0; r < resourceCount; r++) {
                if (claimed[r] != used[c][r]) {
                    problem(problems, String.format(Locale.ROOT, "core %d: %s is %d by recount but the partition says %d",
                            c, resources.get(r).name(), used[c][r], claimed[r]));
                }
            }
            Utilization u = model.utilization(used[c]);
            for (Utilization.Row row : u.overLimit()) {
                Resource r = row.resource();
                Population pop = network.populations().get(partition.slices(c).get(0).population());
                violations.add(new Violation(r.ruleId(), Severity.ERROR, pop.span(), r.name(), row.used(), row.max(),
                        r.unit(), "core " + c + " is over its " + r.name(), r.fix().replace("%s", pop.name())));
            }
        }
        if (remote[0] != partition.traffic().remoteFanout() || remote[1] != partition.traffic().externalFanout()) {
            problem(problems, "remote output axons " + remote[0] + " and host inputs " + remote[1] + " by recount, "
                    + partition.traffic().remoteFanout() + " and " + partition.traffic().externalFanout() + " claimed");
        }
        long traffic = partition.traffic().interCore() + partition.traffic().externalTotal();
        if (partition.statistics().trafficAfterRefine() != traffic) {
            problem(problems, "incremental traffic " + partition.statistics().trafficAfterRefine()
                    + " differs from the recount " + traffic);
        }
        if (!sameViolations(partition.violations(), violations)) {
            problem(problems, "the partition reports " + key(partition.violations()) + " but the recount finds "
                    + key(violations));
        }

        // 4. Placement.
        if (placement != null) {
            checkPlacement(network, partition, placement, problems, violations);
        }
        return new MappingCheck(problems, violations, used);
    }

    /**
     * Checks only the placement of a partition that was verified already: every core on its own
     * slot of the layout, the chips needed against the system's (and the matching violation),
     * traffic x hops recounted. The place pass's verifier calls this rather than {@link #verify}:
     * passes do not change their input, so recounting the partition again (a pass over every
     * synapse) would prove nothing new.
     *
     * @return the inconsistencies found (compiler bugs); empty when the placement is consistent
     */
    public static List<String> verifyPlacement(Network network, Partition partition, Placement placement) {
        requireNonNull(network, "network is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(placement, "placement is null");
        List<String> problems = new ArrayList<>();
        checkPlacement(network, partition, placement, problems, new ArrayList<>());
        return problems;
    }

    /**
     * Recounts the per-source resources (input sources, groups, distinct projection keys, output
     * fan-out) by sorting each source's (core, projection) pairs; returns {remote fan-out,
     * host fan-out}.
     */
    private static long[] recountInputs(Network network, Demand demand, List<Resource> resources, int[] coreOf,
            long[][] used) {
        int resourceCount = resources.size();
        int[] sourceRes = kinds(resources, ResourceKind.INPUT_SOURCES);
        int[] groupRes = kinds(resources, ResourceKind.INPUT_GROUPS);
        int[] outRes = kinds(resources, ResourceKind.OUTPUT_FANOUT);
        long[] buffer = new long[64];
        LongLongMap pairs = new LongLongMap();
        long remote = 0;
        long host = 0;
        for (int pre = 0; pre < network.populations().size(); pre++) {
            List<Integer> projs = new ArrayList<>();
            for (int j = 0; j < network.projections().size(); j++) {
                if (network.projections().get(j).pre() == pre) {
                    projs.add(j);
                }
            }
            if (projs.isEmpty()) {
                continue;
            }
            int[] projections = projs.stream().mapToInt(Integer::intValue).toArray();
            SynapseMatrix[] matrices = new SynapseMatrix[projections.length];
            int[] postOffsets = new int[projections.length];
            for (int q = 0; q < projections.length; q++) {
                Projection p = network.projections().get(projections[q]);
                matrices[q] = p.synapses();
                postOffsets[q] = network.populations().get(p.post()).offset();
            }
            Population source = network.populations().get(pre);
            for (int i = 0; i < source.size(); i++) {
                int s = source.offset() + i;
                int n = 0;
                for (int q = 0; q < projections.length; q++) {
                    SynapseMatrix m = matrices[q];
                    int[] targets = m.targetArray();
                    for (int k = m.rowStart(i), end = m.rowEnd(i); k < end; k++) {
                        int c = coreOf[postOffsets[q] + targets[k]];
                        if (c < 0) {
                            continue;
                        }
                        if (n == buffer.length) {
                            buffer = Arrays.copyOf(buffer, n * 2);
                        }
                        buffer[n++] = ((long) c << 32) | projections[q];
                    }
                }
                Arrays.sort(buffer, 0, n);
                int home = coreOf[s];
                int distinctCores = 0;
                int k = 0;
                while (k < n) {
                    int c = (int) (buffer[k] >>> 32);
                    distinctCores++;
                    for (int r : sourceRes) {
                        used[c][r] += demand.sourceAmount(r, s);
                    }
                    if (home < 0) {
                        host++;
                    } else if (home != c) {
                        remote++;
                    }
                    while (k < n && (int) (buffer[k] >>> 32) == c) {
                        long pair = buffer[k];
                        int j = (int) pair;
                        int count = 0;
                        while (k < n && buffer[k] == pair) {
                            count++;
                            k++;
                        }
                        pairs.add(pair, 1);
                        for (int r : groupRes) {
                            used[c][r] += demand.groupCost(r, j).cost(count);
                        }
                    }
                }
                if (home >= 0) {
                    for (int r : outRes) {
                        used[home][r] += (long) distinctCores * demand.sourceAmount(r, s);
                    }
                }
            }
        }
        // Distinct projection keys per core, from the (core, projection) pairs seen.
        for (int r = 0; r < resourceCount; r++) {
            if (resources.get(r).kind() != ResourceKind.INPUT_DISTINCT) {
                continue;
            }
            Map<Integer, LongLongMap> keysOn = new TreeMap<>();
            for (long pair : pairs.sortedKeys()) {
                int c = (int) (pair >>> 32);
                int j = (int) pair;
                keysOn.computeIfAbsent(c, x -> new LongLongMap()).add(demand.projectionKey(r, j), 1);
            }
            for (Map.Entry<Integer, LongLongMap> e : keysOn.entrySet()) {
                used[e.getKey()][r] = e.getValue().size();
            }
        }
        return new long[] {remote, host};
    }

    private static int[] kinds(List<Resource> resources, ResourceKind kind) {
        return java.util.stream.IntStream.range(0, resources.size()).filter(r -> resources.get(r).kind() == kind)
                .toArray();
    }

    /** Recounts the per-neuron resources, core by core. */
    private static void recountNeurons(Network network, Partition partition, Demand demand, List<Resource> resources,
            long[][] used) {
        for (int c = 0; c < partition.coreCount(); c++) {
            for (int r = 0; r < resources.size(); r++) {
                ResourceKind kind = resources.get(r).kind();
                if (kind != ResourceKind.NEURON_SUM && kind != ResourceKind.NEURON_DISTINCT
                        && kind != ResourceKind.NEURON_MAX) {
                    continue;
                }
                LongLongMap distinct = new LongLongMap();
                long value = 0;
                for (Slice s : partition.slices(c)) {
                    int offset = network.populations().get(s.population()).offset();
                    for (int i = s.from(); i < s.to(); i++) {
                        int g = offset + i;
                        if (kind == ResourceKind.NEURON_SUM) {
                            value += demand.neuronAmount(r, g);
                        } else if (kind == ResourceKind.NEURON_MAX) {
                            value = Math.max(value, demand.neuronValue(r, g));
                        } else {
                            for (int k = 0; k < demand.keyCount(r, g); k++) {
                                distinct.add(demand.key(r, g, k), 1);
                            }
                        }
                    }
                }
                used[c][r] = kind == ResourceKind.NEURON_DISTINCT ? distinct.size() : value;
            }
        }
    }

    private static void checkPlacement(Network network, Partition partition, Placement placement, List<String> problems,
            List<Violation> violations) {
        MeshLayout layout = placement.layout();
        int cores = partition.coreCount();
        if (placement.coreCount() != cores) {
            problem(problems, "the placement has " + placement.coreCount() + " cores, the partition " + cores);
            return;
        }
        int[] owner = new int[layout.slots()];
        Arrays.fill(owner, -1);
        for (int c = 0; c < cores; c++) {
            int s = placement.slotOf(c);
            if (s < 0 || s >= layout.slots()) {
                problem(problems, "core " + c + " is on slot " + s + ", outside the layout's " + layout.slots());
                continue;
            }
            if (owner[s] >= 0) {
                problem(problems, "cores " + owner[s] + " and " + c + " share slot " + s);
            }
            owner[s] = c;
        }
        int perChip = partition.model().mesh().coresPerChip();
        int needed = Math.max(1, (cores + perChip - 1) / perChip);
        if (layout.chips() != needed) {
            problem(problems, "the placement uses " + layout.chips() + " chips for " + cores + " cores; " + needed
                    + " hold them");
        }
        if (needed > placement.chipsAvailable()) {
            violations.add(new Violation(partition.model().ruleId(MappingRule.CHIPS), Severity.ERROR, network.span(),
                    "chips", needed, placement.chipsAvailable(), "chips", "the network needs more chips than the system has",
                    "map onto a system with at least " + needed + " chips"));
        }
        boolean reported = placement.violations().stream()
                .anyMatch(v -> v.ruleId().equals(partition.model().ruleId(MappingRule.CHIPS)));
        if (reported != (needed > placement.chipsAvailable())) {
            problem(problems, "the placement's chip-count violation does not match " + needed + " chips needed of "
                    + placement.chipsAvailable());
        }
        if (problems.isEmpty()) {
            CoreTraffic t = partition.traffic();
            long cost = 0;
            for (int e = 0; e < t.edgeCount(); e++) {
                cost += t.weight(e) * layout.hops(placement.slotOf(t.from(e)), placement.slotOf(t.to(e)));
            }
            if (cost != placement.trafficHops()) {
                problem(problems, "traffic x hops is " + cost + " by recount, " + placement.trafficHops() + " claimed");
            }
        }
    }

    private static boolean sameViolations(List<Violation> a, List<Violation> b) {
        return key(a).equals(key(b));
    }

    private static List<String> key(List<Violation> violations) {
        List<String> out = new ArrayList<>();
        for (Violation v : violations) {
            out.add(v.ruleId() + ":" + v.resource() + ":" + v.actual() + "/" + v.limit());
        }
        out.sort(null);
        return out;
    }

    private static void problem(List<String> problems, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        }
    }
}
