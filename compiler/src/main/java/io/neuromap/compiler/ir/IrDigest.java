package io.neuromap.compiler.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A SHA-256 fingerprint of everything a network means, in a fixed order: names, sizes, every
 * neuron's parameter values, every synapse's target, weight and delay, modulators, pathways,
 * stimuli and probes. Values are read through the uniform accessors, so the digest does not depend
 * on whether a homogeneous array was stored compactly. Source spans are not included (moving a
 * declaration does not change the network). Two elaborations of the same input and seed must give
 * the same digest whatever the thread count: that is the determinism contract, and the tests
 * check it with this class.
 */
public final class IrDigest {
    private static final int BUFFER = 1 << 16;

    private final MessageDigest sha;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    private IrDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The digest as 64 lowercase hex digits. */
    public static String sha256(Network network) {
        IrDigest d = new IrDigest();
        d.network(network);
        return HexFormat.of().formatHex(d.finish());
    }

    private void network(Network n) {
        string("neuromap-ir-1");
        string(n.name());
        putDouble(n.simulation().dt());
        putDouble(n.simulation().duration());
        putLong(n.simulation().seed());
        putInt(n.populations().size());
        for (Population p : n.populations()) {
            population(p);
        }
        putInt(n.projections().size());
        for (Projection p : n.projections()) {
            projection(p);
        }
        putInt(n.modulators().size());
        for (Modulator m : n.modulators()) {
            string(m.name());
            string(m.source().toString());
            putDouble(m.releasePerSpike());
            putDouble(m.decay());
            putDouble(m.baseline());
            string(m.scope().word());
            putDouble(m.delay());
        }
        putInt(n.pathways().size());
        for (PathwayBinding p : n.pathways()) {
            string(p.name());
            putInt(p.modulator());
            string(p.receptor());
            string(p.target().toString());
            for (EffectBinding e : p.effects()) {
                string(e.toString());
                string(e.valueDimension().toString());
            }
        }
        putInt(n.stimuli().size());
        for (Stimulus s : n.stimuli()) {
            string(s.name());
            string(s.source().toString());
            string(s.target().toString());
            string(s.randomPath());
            putLong(s.seed());
            putInt(s.weight().isPresent() ? 1 : 0);
            if (s.weight().isPresent()) {
                values(s.weight().get());
            }
        }
        putInt(n.probes().size());
        for (Probe p : n.probes()) {
            string(p.name() + "|" + p.kind() + "|" + p.variable().orElse("") + "|" + p.target() + "|" + p.everySteps());
        }
        for (String t : n.targets()) {
            string(t);
        }
    }

    private void population(Population p) {
        string(p.name());
        putInt(p.size());
        putInt(p.offset());
        string(p.model().name());
        putLong(p.seed());
        for (Map.Entry<String, ParameterValues> e : p.parameters().entrySet()) {
            string(e.getKey());
            values(e.getValue());
        }
        for (Map.Entry<String, ListParameterValues> e : p.listParameters().entrySet()) {
            string(e.getKey());
            ListParameterValues l = e.getValue();
            for (int i = 0; i < l.size(); i++) {
                double[] list = l.get(i);
                putInt(list.length);
                for (double v : list) {
                    putDouble(v);
                }
            }
        }
        for (int t = 0; t < p.cellTypes().size(); t++) {
            CellType c = p.cellTypes().get(t);
            string(c.name());
            putInt(p.cellTypeRange(t).from());
            putInt(p.cellTypeRange(t).to());
            for (Receptor r : c.receptors()) {
                string(r.name() + "|" + r.modulator() + "|" + r.compartment());
            }
        }
    }

    private void projection(Projection p) {
        string(p.name());
        putInt(p.pre());
        putInt(p.post());
        string(p.preRange() + "|" + p.postRange() + "|" + p.postCompartment() + "|" + p.receptor());
        string(p.connector().toString());
        string(p.plasticity().map(EvaluatedCall::toString).orElse(""));
        putLong(p.seed());
        SynapseMatrix m = p.synapses();
        for (int v : m.rowStartArray()) {
            putInt(v);
        }
        for (int v : m.targetArray()) {
            putInt(v);
        }
        SynapseWeights w = m.weights();
        for (int k = 0; k < w.count(); k++) {
            putInt(Float.floatToIntBits(w.get(k)));
        }
        DelaySteps d = m.delays();
        for (int k = 0; k < d.count(); k++) {
            putShort(d.get(k));
        }
    }

    private void values(ParameterValues v) {
        putInt(v.size());
        for (int i = 0; i < v.size(); i++) {
            putDouble(v.get(i));
        }
    }

    private void string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        for (byte b : bytes) {
            room(1);
            buffer.put(b);
        }
    }

    private void putInt(int v) {
        room(4);
        buffer.putInt(v);
    }

    private void putShort(int v) {
        room(2);
        buffer.putShort((short) v);
    }

    private void putLong(long v) {
        room(8);
        buffer.putLong(v);
    }

    private void putDouble(double v) {
        putLong(Double.doubleToLongBits(v));
    }

    private void room(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() {
        sha.update(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    private byte[] finish() {
        flush();
        return sha.digest();
    }
}
