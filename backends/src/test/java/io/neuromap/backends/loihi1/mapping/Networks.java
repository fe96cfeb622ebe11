package io.neuromap.backends.loihi1.mapping;

import io.neuromap.backends.TestNmap;
import io.neuromap.compiler.ir.Network;

/** Test support: elaborates .nmap text through the compiler's facade, as the CLI will. */
final class Networks {
    private Networks() {
    }

    static Network elaborate(String text) {
        return TestNmap.elaborate(text);
    }

    /** {@code body} wrapped in a network with dt = 1 ms. */
    static Network net(String body) {
        return elaborate("network T {\n" + body + "\n}\nsimulate T { dt = 1 ms; seed = 3; }\n");
    }
}
