package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.report.QuantizationRow;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.model.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The quantization-error rows of a lowered population: for every parameter of its model, the
 * max and mean relative error between the value the network asked for and the value the chip's
 * integers realize (see {@link QuantizationRow} for the measures), with a note on how the value
 * is realized. Parameters that the chip represents exactly say so.
 */
final class ErrorTable {
    private ErrorTable() {
    }

    /** Running max and mean. */
    private static final class Stat {
        double max;
        double sum;
        long count;

        void add(double e) {
            max = Math.max(max, e);
            sum += e;
            count++;
        }

        double mean() {
            return count == 0 ? 0 : sum / count;
        }
    }

    /** The unit a parameter is shown in. */
    static String unit(ParameterSpec spec) {
        io.neuromap.compiler.units.Dimension d = spec.dimension();
        if (d.equals(io.neuromap.compiler.units.Dimension.TIME)) {
            return "ms";
        }
        if (d.equals(io.neuromap.compiler.units.Dimension.VOLTAGE)) {
            return "mV";
        }
        if (d.equals(io.neuromap.compiler.units.Dimension.CURRENT)) {
            return "nA";
        }
        if (d.equals(io.neuromap.compiler.units.Dimension.CAPACITANCE)) {
            return "nF";
        }
        if (d.equals(io.neuromap.compiler.units.Dimension.CONDUCTANCE)) {
            return "nS";
        }
        return "";
    }

    static List<QuantizationRow> population(Population pop, TreeShape shape, double dt, PopulationLowering low,
            double[][] tauCurrent, double[][] rEff, double[] theta, double[] gc, double[][] biasError,
            Binned binned, double[] couplingError) {
        List<QuantizationRow> rows = new ArrayList<>();
        int n = pop.size();
        boolean twoComp = pop.model().isMultiCompartment();
        int somaAt = shape.somaPosition();
        for (ParameterSpec spec : pop.model().parameters()) {
            if (spec.list()) {
                continue;
            }
            String name = spec.name();
            boolean dendrite = name.startsWith("dendrite.");
            String base = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
            String prefix = dendrite ? "dendrite." : twoComp ? "soma." : "";
            int main = dendrite ? shape.position(CompartmentRole.DENDRITE) : somaAt;
            ParameterValues values = pop.parameter(name).orElseThrow();
            Stat s = new Stat();
            OptionalDouble binning = OptionalDouble.empty();
            String note;
            switch (base) {
                case "cm":
                    note = "exact: folded into the voltage and current scales";
                    break;
                case "tau_m": {
                    ParameterValues cm = pop.parameter(prefix + "cm").orElseThrow();
                    for (int i = 0; i < n; i++) {
                        double tauEff = Components.voltageTau(low.decayV(main, i), dt);
                        double realized = tauEff;
                        if (twoComp) {
                            double gL = cm.get(i) / tauEff - gc[i];
                            realized = gL > 0 ? cm.get(i) / gL : Double.POSITIVE_INFINITY;
                        }
                        s.add(Components.tauError(realized, values.get(i), dt));
                    }
                    binning = binned.error(main, Binned.DECAY_V);
                    note = twoComp ? "decay_v of the leak C / (C / tau_m + g_c)" : "decay_v = round(4095 (1 - exp(-dt / tau_m)))";
                    break;
                }
                case "tau_syn_E":
                case "tau_syn_I": {
                    CompartmentRole auxRole = dendrite ? CompartmentRole.DENDRITE_AUX : CompartmentRole.SOMA_AUX;
                    int aux = shape.position(auxRole);
                    int at = base.equals("tau_syn_I") && aux >= 0 ? aux : main;
                    boolean carried = true;
                    for (int i = 0; i < n && carried; i++) {
                        carried = tauCurrent[at][i] == values.get(i);
                    }
                    if (!carried) {
                        note = "unused: no synapse drives this current";
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        s.add(Components.tauError(Components.currentTau(low.decayU(at, i), dt), values.get(i), dt));
                    }
                    binning = binned.error(at, Binned.DECAY_U);
                    note = "decay_u of the " + shape.role(at).originName() + " compartment"
                            + (shape.role(at).isAuxiliary() ? " (ADD-joined into its parent)" : "");
                    break;
                }
                case "tau_refrac":
                    for (int i = 0; i < n; i++) {
                        s.add(Components.refractoryError(Components.refractoryTime(low.refractDelay(somaAt, i), dt),
                                values.get(i), dt));
                    }
                    binning = binned.error(somaAt, Binned.REFRACT);
                    note = "refract_delay = round(tau_refrac / dt) + 1";
                    break;
                case "v_reset":
                    note = "exact: the chip resets to 0, each neuron's own reset";
                    break;
                case "v_thresh":
                    note = "exact: thresholds are normalized to the shared mantissa " + low.vthMant();
                    break;
                case "v_rest":
                    for (int i = 0; i < n; i++) {
                        s.add(Math.abs(equilibriumShift(low, main, somaAt, i, gc, biasError)) / Math.abs(theta[i]));
                    }
                    note = "through the bias, which keeps the resting potential with the chip's leak";
                    break;
                case "i_offset": {
                    for (int i = 0; i < n; i++) {
                        double current = values.get(i);
                        if (current != 0) {
                            double volts = Math.abs(current) * rEff[main][i];
                            s.add(Math.abs(equilibriumShift(low, main, somaAt, i, gc, biasError)) / volts);
                        }
                    }
                    note = s.count == 0 ? "exact: 0" : "through the bias mantissa and exponent";
                    break;
                }
                case "v_init": {
                    ParameterValues zero = pop.parameter(prefix + (dendrite ? "v_rest" : "v_reset")).orElseThrow();
                    for (int i = 0; i < n; i++) {
                        double unitsPerVolt = dendrite ? low.currentScale(somaAt, i) * gc[i] : low.voltageScale(i);
                        double realized = unitsPerVolt > 0 ? zero.get(i) + low.initialVoltage(main, i) / unitsPerVolt
                                : zero.get(i);
                        s.add(Math.abs(realized - values.get(i)) / Math.abs(theta[i]));
                    }
                    note = "initial_state v = round((v_init - " + (dendrite ? "v_rest" : "v_reset") + ") x the "
                            + (dendrite ? "dendrite's push scale" : "voltage scale") + "), clamped to [vmin, vmax]";
                    break;
                }
                case "g_c":
                    for (int i = 0; i < n; i++) {
                        s.add(couplingError[i] / Math.abs(theta[i]));
                    }
                    note = "exact in the leaks and the push; the soma-to-dendrite current is held at the soma's mean "
                            + "voltage V* under the mean drive: soma error <= share_s share_d max(v_thresh - V*, "
                            + "V* - v_reset), against v_thresh - v_reset";
                    break;
                default:
                    note = "not used on Loihi 1";
            }
            rows.add(new QuantizationRow(QuantizationRow.ObjectKind.POPULATION, pop.name(), name, unit(spec),
                    s.count == 0 ? n : s.count, s.max, Math.min(s.mean(), s.max), binning, pop.parameterSpan(name), note));
        }
        return rows;
    }

    /** The equilibrium shift (V) the rounding of the bias of position {@code p} causes in neuron {@code i}. */
    private static double equilibriumShift(PopulationLowering low, int p, int somaAt, int i, double[] gc,
            double[][] biasError) {
        double chip = biasError[p][i] * Loihi1Limits.DECAY_UNITY / Math.max(low.decayV(p, i), 1);
        double voltsPerUnit;
        if (p == somaAt) {
            voltsPerUnit = 1 / low.voltageScale(i);
        } else {
            double scale = low.currentScale(somaAt, i) * gc[i];
            voltsPerUnit = scale > 0 ? 1 / scale : 0;
        }
        return chip * voltsPerUnit;
    }
}
