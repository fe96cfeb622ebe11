package io.neuromap.compiler.ir;

import io.neuromap.compiler.pass.IrKind;

/**
 * The IR kind of the elaborated network for the pass manager: verified by {@link IrVerifier}
 * after every pass that produces it, printed by {@link NetworkPrinter}.
 */
public final class NetworkIr {
    public static final IrKind<Network> NETWORK = IrKind.of("network", Network.class,
            n -> IrVerifier.verify(n).stream().map(IrProblem::toString).toList(), NetworkPrinter::print);

    private NetworkIr() {
    }
}
