package io.neuromap.compiler.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ast.Argument;
import io.neuromap.compiler.ast.AstNodes;
import io.neuromap.compiler.ast.Binding;
import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.Distribution;
import io.neuromap.compiler.ast.Effect;
import io.neuromap.compiler.ast.Endpoint;
import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.ImportDecl;
import io.neuromap.compiler.ast.Invocation;
import io.neuromap.compiler.ast.ModulatorDecl;
import io.neuromap.compiler.ast.NetItem;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.Node;
import io.neuromap.compiler.ast.PathwayDecl;
import io.neuromap.compiler.ast.PathwayTarget;
import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.PopulationType;
import io.neuromap.compiler.ast.ProbeDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.ast.ProjectionDecl;
import io.neuromap.compiler.ast.ReceptorDecl;
import io.neuromap.compiler.ast.Setting;
import io.neuromap.compiler.ast.SimulateDecl;
import io.neuromap.compiler.ast.StimulusDecl;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.testing.Parsing;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One or more tests per construct of the grammar, asserting the AST's shape and the spans users see in messages. */
class ParserConstructsTest {
    private String source;

    private Program parse(String text) {
        source = text;
        return Parsing.parse(text);
    }

    /** The text a node's span covers. */
    private String text(Node node) {
        return source.substring(node.span().start(), node.span().end());
    }

    private <T extends NetItem> T netItem(String networkBody, Class<T> kind) {
        Program program = parse("network N {\n" + networkBody + "\n}\n");
        List<T> items = ((NetworkDecl) program.items().get(0)).itemsOf(kind);
        assertEquals(1, items.size(), "expected one " + kind.getSimpleName());
        return items.get(0);
    }

    private Binding binding(String bindingText) {
        PopulationDecl p = netItem("population p[1] : lif { " + bindingText + " }", PopulationDecl.class);
        return p.bindings().get(0);
    }

    private Expr expr(String exprText) {
        Program program = parse("const x = " + exprText + ";");
        return ((ConstDecl) program.items().get(0)).value();
    }

    @Nested
    class TopLevel {
        @Test
        void imports() {
            Program program = parse("import \"lib/cells.nmap\";\nimport \"other.nmap\";");
            List<ImportDecl> imports = program.itemsOf(ImportDecl.class);
            assertEquals(List.of("lib/cells.nmap", "other.nmap"), imports.stream().map(ImportDecl::path).toList());
            assertEquals("import \"other.nmap\";", text(imports.get(1)));
            assertEquals(2, imports.get(1).span().line());
        }

        @Test
        void constantsAtTopLevelAndInANetwork() {
            Program program = parse("const N = 100;\nnetwork Net { const M = N * 2; population p[M] : lif; }");
            ConstDecl top = program.itemsOf(ConstDecl.class).get(0);
            assertEquals("N", top.name().name());
            assertEquals("100", text(top.value()));
            NetworkDecl net = program.itemsOf(NetworkDecl.class).get(0);
            ConstDecl inner = net.itemsOf(ConstDecl.class).get(0);
            assertEquals("const M = N * 2;", text(inner));
            assertEquals("M", text(net.itemsOf(PopulationDecl.class).get(0).size()));
        }

        @Test
        void celltypeWithReceptorsOnCompartments() {
            Program program = parse("celltype Pyr : two_comp { g_c = 10 nS; receptor A binds NA; receptor B binds ACh on dendrite; }");
            CelltypeDecl c = program.itemsOf(CelltypeDecl.class).get(0);
            assertEquals("Pyr", c.name().name());
            assertEquals("two_comp", c.model().name());
            assertEquals(1, c.bindings().size());
            List<ReceptorDecl> receptors = c.receptors();
            assertEquals(2, receptors.size());
            assertEquals("NA", receptors.get(0).modulator().name());
            assertTrue(receptors.get(0).compartment().isEmpty());
            assertEquals("dendrite", receptors.get(1).compartment().orElseThrow().name());
            assertEquals("receptor B binds ACh on dendrite;", text(receptors.get(1)));
            assertEquals("ACh", text(receptors.get(1).modulator()));
        }

        @Test
        void celltypeInsideANetworkAndEmptyCelltype() {
            NetworkDecl net = (NetworkDecl) parse("network N { celltype X : lif {} }").items().get(0);
            CelltypeDecl c = net.itemsOf(CelltypeDecl.class).get(0);
            assertTrue(c.body().isEmpty());
            assertEquals("celltype X : lif {}", text(c));
        }

        @Test
        void networkWithTrailingSemicolonAndEmptyNetwork() {
            Program program = parse("network A {};\nnetwork B { population p[1] : lif; }");
            List<NetworkDecl> nets = program.itemsOf(NetworkDecl.class);
            assertEquals(2, nets.size());
            assertTrue(nets.get(0).items().isEmpty());
            assertEquals("network A {};", text(nets.get(0)));
            assertEquals("B", text(nets.get(1).name()));
        }

        @Test
        void simulate() {
            SimulateDecl s = parse("simulate Net { dt = 0.1 ms; duration = 2 s; seed = 7; }").itemsOf(SimulateDecl.class).get(0);
            assertEquals("Net", s.network().name());
            assertEquals(List.of("dt", "duration", "seed"), s.settings().stream().map(x -> x.key().name()).toList());
            assertEquals("0.1 ms", text(s.settings().get(0).value().orElseThrow()));
            assertEquals("seed = 7;", text(s.settings().get(2)));
        }

        @Test
        void targetWithAndWithoutBlock() {
            Program program = parse("target loihi1;\ntarget spinnaker1 { boards = 1; time_scale_factor = 10; }");
            List<TargetDecl> targets = program.itemsOf(TargetDecl.class);
            assertEquals("loihi1", targets.get(0).name().name());
            assertTrue(targets.get(0).settings().isEmpty());
            assertEquals("target loihi1;", text(targets.get(0)));
            assertEquals(2, targets.get(1).settings().size());
            assertEquals("time_scale_factor", targets.get(1).settings().get(1).key().name());
        }

        @Test
        void emptyAndCommentOnlyFilesAreEmptyPrograms() {
            assertTrue(parse("").items().isEmpty());
            assertTrue(parse("// nothing\n/* at\n all */\n/// doc\n").items().isEmpty());
            assertTrue(parse("  \n\t\r\n").items().isEmpty());
        }
    }

    @Nested
    class Populations {
        @Test
        void ofAModelWithoutBody() {
            PopulationDecl p = netItem("  population snc[40] : lif;", PopulationDecl.class);
            assertEquals("snc", p.name().name());
            assertEquals("40", text(p.size()));
            assertEquals("lif", ((PopulationType.Named) p.type()).name().name());
            assertTrue(p.body().isEmpty());
            assertEquals("population snc[40] : lif;", text(p));
            assertEquals(2, p.span().line());
            assertEquals(3, p.span().column());
        }

        @Test
        void ofACelltypeWithBody() {
            PopulationDecl p = netItem("population d1[200] : D1MSN { tau_w ~ gamma(k = 3, mean = 100 ms); };", PopulationDecl.class);
            assertEquals("D1MSN", ((PopulationType.Named) p.type()).name().name());
            assertEquals(1, p.bindings().size());
            assertTrue(text(p).endsWith("};"));
        }

        @Test
        void ofAMix() {
            PopulationDecl p = netItem("population msn[800] : mix { D1: 0.5, D2: 0.5, };", PopulationDecl.class);
            PopulationType.Mix mix = assertInstanceOf(PopulationType.Mix.class, p.type());
            assertEquals(List.of("D1", "D2"), mix.entries().stream().map(e -> e.celltype().name()).toList());
            assertEquals("D2: 0.5", text(mix.entries().get(1)));
            assertEquals("mix { D1: 0.5, D2: 0.5, }", text(mix));
        }

        @Test
        void sizeIsAnExpression() {
            PopulationDecl p = netItem("population p[N_EXC + 2 * 10] : lif;", PopulationDecl.class);
            assertInstanceOf(Expr.Binary.class, p.size());
            assertEquals("N_EXC + 2 * 10", text(p.size()));
        }
    }

    @Nested
    class Bindings {
        @Test
        void fixed() {
            Binding b = binding("tau_m = 20 ms;");
            assertFalse(b.isLet());
            assertEquals("tau_m", b.name().text());
            Expr.Number n = assertInstanceOf(Expr.Number.class, ((Binding.Value.Fixed) b.value()).expr());
            assertEquals(20.0, n.value());
            assertEquals("ms", n.unit().orElseThrow().name());
            assertEquals("tau_m = 20 ms;", text(b));
        }

        @Test
        void sampled() {
            Binding b = binding("v_thresh ~ uniform(-55 mV, -50 mV);");
            Distribution d = ((Binding.Value.Sampled) b.value()).distribution();
            assertEquals("uniform", d.family().name());
            assertEquals(2, d.arguments().size());
            assertTrue(d.clip().isEmpty());
            assertEquals("uniform(-55 mV, -50 mV)", text(d));
        }

        @Test
        void letBindingsAndTheirUse() {
            PopulationDecl p = netItem("population p[1] : izhikevich { let r ~ uniform(0, 1); let s = r * 2; c = -65 mV + 15 mV * r^2; }",
                    PopulationDecl.class);
            List<Binding> bindings = p.bindings();
            assertTrue(bindings.get(0).isLet());
            assertInstanceOf(Binding.Value.Sampled.class, bindings.get(0).value());
            assertTrue(bindings.get(1).isLet());
            assertInstanceOf(Binding.Value.Fixed.class, bindings.get(1).value());
            assertFalse(bindings.get(2).isLet());
            assertEquals("let r ~ uniform(0, 1);", text(bindings.get(0)));
        }

        @Test
        void qualifiedParameterName() {
            Binding b = binding("soma.tau_w = 150 ms;");
            assertEquals(List.of("soma", "tau_w"), b.name().parts().stream().map(i -> i.name()).toList());
            assertEquals("tau_w", text(b.name().last()));
            assertEquals("soma.tau_w", text(b.name()));
        }

        /** {@code =} where {@code ~} was meant parses as a call; analysis reports it. */
        @Test
        void distributionWrittenWithEqualsStaysACall() {
            Binding b = binding("tau_m = normal(20 ms, 5 ms);");
            Expr.Call call = assertInstanceOf(Expr.Call.class, ((Binding.Value.Fixed) b.value()).expr());
            assertEquals("normal", call.call().name().name());
            assertEquals(2, call.call().arguments().size());
            assertTrue(call.call().hasParens());
            assertEquals("normal(20 ms, 5 ms)", text(call));
            assertEquals(call.span(), call.call().span());
        }
    }

    @Nested
    class Distributions {
        private Distribution distribution(String text) {
            return ((Binding.Value.Sampled) binding("x ~ " + text + ";").value()).distribution();
        }

        private List<String> argumentNames(Distribution d) {
            return d.arguments().stream().map(a -> a.name().map(n -> n.name()).orElse("_")).toList();
        }

        @Test
        void everyForm() {
            assertEquals(List.of("_", "_"), argumentNames(distribution("uniform(0, 1)")));
            assertEquals(List.of("low", "high"), argumentNames(distribution("uniform(low = 0, high = 1)")));
            assertEquals(List.of("mu", "sigma"), argumentNames(distribution("normal(mu = 0, sigma = 1)")));
            assertEquals(List.of("mean", "sd"), argumentNames(distribution("normal(mean = 20 ms, sd = 2 ms)")));
            assertEquals(List.of("mu", "sigma", "scale"), argumentNames(distribution("lognormal(mu = 0, sigma = 0.5, scale = 1 nF)")));
            assertEquals(List.of("mean", "sd"), argumentNames(distribution("lognormal(mean = 15 ms, sd = 4 ms)")));
            assertEquals(List.of("k", "theta"), argumentNames(distribution("gamma(k = 3, theta = 5 ms)")));
            assertEquals(List.of("k", "mean"), argumentNames(distribution("gamma(k = 3, mean = 20 ms)")));
            assertEquals(List.of("beta"), argumentNames(distribution("exponential(beta = 5 ms)")));
            Distribution choice = distribution("choice([1 ms, 2 ms], p = [0.3, 0.7])");
            assertEquals(List.of("_", "p"), argumentNames(choice));
            assertInstanceOf(Expr.ListOf.class, choice.arguments().get(0).value());
        }

        @Test
        void clipRedrawClampAndNone() {
            Distribution redraw = distribution("gamma(k = 3, mean = 20 ms) clip [5 ms, 80 ms] redraw");
            Distribution.Clip clip = redraw.clip().orElseThrow();
            assertEquals(Optional.of(Distribution.ClipMode.REDRAW), clip.mode());
            assertEquals("5 ms", text(clip.low()));
            assertEquals("80 ms", text(clip.high()));
            assertEquals("clip [5 ms, 80 ms] redraw", text(clip));

            Distribution clamp = distribution("normal(-35 mV, 3 mV) clip [-45 mV, -25 mV] clamp");
            assertEquals(Distribution.ClipMode.CLAMP, clamp.clip().orElseThrow().effectiveMode());

            Distribution none = distribution("normal(0, 1) clip [0, 1]");
            assertTrue(none.clip().orElseThrow().mode().isEmpty());
            assertEquals(Distribution.ClipMode.REDRAW, none.clip().orElseThrow().effectiveMode());
        }

        @Test
        void distributionWithoutArguments() {
            assertTrue(distribution("standard()").arguments().isEmpty());
        }
    }

    @Nested
    class Projections {
        @Test
        void unnamedWithBareConnector() {
            ProjectionDecl p = netItem("project a -> b with all_to_all;", ProjectionDecl.class);
            assertTrue(p.name().isEmpty());
            assertEquals("a_to_b", p.effectiveName());
            assertEquals("all_to_all", p.connector().name().name());
            assertFalse(p.connector().hasParens());
            assertTrue(p.plasticity().isEmpty());
            assertTrue(p.bindings().isEmpty());
            assertTrue(p.receptor().isEmpty());
        }

        @Test
        void namedWithBodyAndReceptor() {
            ProjectionDecl p = netItem("project inh : pv -> pyr.soma with fixed_prob(0.3) { weight = -80 pA; delay ~ uniform(1 ms, 2 ms); receptor = inh; }",
                    ProjectionDecl.class);
            assertEquals("inh", p.name().orElseThrow().name());
            assertEquals("inh", p.effectiveName());
            assertEquals(2, p.bindings().size());
            assertEquals("inh", p.receptor().orElseThrow().name());
            assertEquals("inh", text(p.receptor().get()));
            assertEquals("pyr.soma", text(p.post()));
        }

        @Test
        void everyConnector() {
            String[] connectors = {"all_to_all", "all_to_all()", "all_to_all(allow_self = false)", "one_to_one", "fixed_prob(0.1)",
                "fixed_prob(p = 0.1)", "fixed_indegree(8)", "fixed_outdegree(k = 100)", "from_list(\"data/syn.csv\")"};
            for (String connector : connectors) {
                ProjectionDecl p = netItem("project a -> b with " + connector + ";", ProjectionDecl.class);
                assertEquals(connector, text(p.connector()));
                assertEquals(connector.contains("("), p.connector().hasParens());
            }
            ProjectionDecl fromList = netItem("project a -> b with from_list(\"data/syn.csv\");", ProjectionDecl.class);
            Expr.Str file = assertInstanceOf(Expr.Str.class, fromList.connector().arguments().get(0).value());
            assertEquals("data/syn.csv", file.value());
        }

        @Test
        void plasticityWithArguments() {
            ProjectionDecl p = netItem("project a -> b with fixed_prob(0.1) plasticity da_stdp(tau_c = 1 s, A_plus = 1.0) { weight = 1; }",
                    ProjectionDecl.class);
            Invocation rule = p.plasticity().orElseThrow();
            assertEquals("da_stdp", rule.name().name());
            assertEquals(List.of("tau_c", "A_plus"), rule.arguments().stream().map(a -> a.name().orElseThrow().name()).toList());
            assertEquals("da_stdp(tau_c = 1 s, A_plus = 1.0)", text(rule));
            ProjectionDecl bare = netItem("project a -> b with all_to_all plasticity stdp;", ProjectionDecl.class);
            assertFalse(bare.plasticity().orElseThrow().hasParens());
        }

        @Test
        void receptorGivenTwiceIsReportedAndTheFirstKept() {
            Diagnostics diagnostics = new Diagnostics();
            String text = "network N { project a -> b with all_to_all { receptor = exc; receptor = inh; } }";
            Program program = Parser.parse(new SourceFile("t.nmap", text), diagnostics).orElseThrow();
            ProjectionDecl p = ((NetworkDecl) program.items().get(0)).itemsOf(ProjectionDecl.class).get(0);
            assertEquals("exc", p.receptor().orElseThrow().name());
            List<Diagnostic> all = diagnostics.all();
            assertEquals(1, all.size());
            assertEquals("t.nmap:1:62: error[NM-E0102]: the receptor of this projection is already set to `exc` at t.nmap:1:57",
                    all.get(0).headline());
        }
    }

    @Nested
    class Endpoints {
        private Endpoint pre(String text) {
            return netItem("project " + text + " -> b with all_to_all;", ProjectionDecl.class).pre();
        }

        @Test
        void partsAndSlices() {
            Endpoint plain = pre("a");
            assertTrue(plain.part().isEmpty() && plain.slice().isEmpty());

            Endpoint part = pre("pyr.dendrite");
            assertEquals("dendrite", part.part().orElseThrow().name());
            assertEquals("pyr.dendrite", text(part));

            Endpoint slice = pre("pyr.soma[0:20]");
            Endpoint.Slice s = slice.slice().orElseThrow();
            assertEquals("0", text(s.from().orElseThrow()));
            assertEquals("20", text(s.to().orElseThrow()));
            assertEquals("[0:20]", text(s));

            assertTrue(pre("a[:10]").slice().orElseThrow().from().isEmpty());
            assertTrue(pre("a[10:]").slice().orElseThrow().to().isEmpty());
            Endpoint.Slice all = pre("a[:]").slice().orElseThrow();
            assertTrue(all.from().isEmpty() && all.to().isEmpty());
            assertEquals("N / 2", text(pre("a[N / 2:N]").slice().orElseThrow().from().orElseThrow()));
        }
    }

    @Nested
    class Neuromodulation {
        @Test
        void modulatorSettings() {
            ModulatorDecl m = netItem("modulator DA { source snc; release 0.3 per spike; decay 200 ms; baseline 0.01; scope global; delay 5 ms; }",
                    ModulatorDecl.class);
            assertEquals(List.of("source", "release", "decay", "baseline", "scope", "delay"),
                    m.settings().stream().map(s -> s.key().name()).toList());
            Setting release = m.settings().get(1);
            assertEquals("0.3", text(release.value().orElseThrow()));
            assertEquals("spike", release.per().orElseThrow().name());
            assertEquals("release 0.3 per spike;", text(release));
            Expr.Name scope = assertInstanceOf(Expr.Name.class, m.settings().get(4).value().orElseThrow());
            assertEquals("global", scope.name().text());
        }

        @Test
        void externalSource() {
            ModulatorDecl m = netItem("modulator R { source external \"reward\"; decay 1 s; }", ModulatorDecl.class);
            Setting source = m.settings().get(0);
            assertTrue(source.value().isEmpty());
            assertEquals("reward", source.external().orElseThrow());
            assertEquals("source external \"reward\";", text(source));
        }

        @Test
        void pathwayTargets() {
            PathwayDecl celltype = netItem("pathway d1 : DA -> celltype D1 via D1R { effect gain *= 2; }", PathwayDecl.class);
            PathwayTarget.Celltype c = assertInstanceOf(PathwayTarget.Celltype.class, celltype.target());
            assertEquals("D1", c.celltype().name());
            assertEquals("celltype D1", text(c));
            assertEquals("DA", celltype.modulator().name());
            assertEquals("D1R", text(celltype.receptor()));

            PathwayDecl proj = netItem("pathway r : DA -> proj rec_exc via DAR { effect learning_rate *= 1; }", PathwayDecl.class);
            assertEquals("rec_exc", assertInstanceOf(PathwayTarget.Projection.class, proj.target()).projection().name());

            PathwayDecl pop = netItem("pathway n : NA -> pyr.dendrite[0:10] via a2A {}", PathwayDecl.class);
            PathwayTarget.Population p = assertInstanceOf(PathwayTarget.Population.class, pop.target());
            assertEquals("dendrite", p.endpoint().part().orElseThrow().name());
            assertEquals("pyr.dendrite[0:10]", text(p));
            assertTrue(pop.effects().isEmpty());
        }

        @Test
        void everyEffectOperatorSubjectAndResponse() {
            PathwayDecl p = netItem("""
                    pathway x : DA -> celltype D1 via R {
                      effect excitability += 20 pA * [DA] response sigmoid(4, 0.5);
                      effect threshold -= 1 mV response hill(n = 2, K = 0.3);
                      effect gain *= 1 + [DA] response linear;
                      effect plasticity_sign = -1;
                      effect tau(tau_m) *= 1.5;
                      effect param(soma.b) = 2;
                    }""", PathwayDecl.class);
            List<Effect> effects = p.effects();
            assertEquals(List.of(Effect.AssignOp.ADD, Effect.AssignOp.SUBTRACT, Effect.AssignOp.MULTIPLY, Effect.AssignOp.SET,
                    Effect.AssignOp.MULTIPLY, Effect.AssignOp.SET), effects.stream().map(Effect::op).toList());
            Invocation sigmoid = effects.get(0).response().orElseThrow();
            assertEquals("sigmoid(4, 0.5)", text(sigmoid));
            assertEquals("hill", effects.get(1).response().orElseThrow().name().name());
            assertFalse(effects.get(2).response().orElseThrow().hasParens());
            assertTrue(effects.get(3).response().isEmpty());
            assertEquals("tau", effects.get(4).kind().name());
            assertEquals("tau_m", effects.get(4).subject().orElseThrow().text());
            assertEquals("soma.b", text(effects.get(5).subject().orElseThrow()));
            assertEquals("effect plasticity_sign = -1;", text(effects.get(3)));
            assertEquals("20 pA * [DA]", text(effects.get(0).value()));
        }
    }

    @Nested
    class StimuliAndProbes {
        @Test
        void stimulusWithAndWithoutBody() {
            StimulusDecl drive = netItem("stimulus drive : poisson(rate = 5 Hz) -> exc[0:10] { weight = 2 nA; };", StimulusDecl.class);
            assertEquals("poisson(rate = 5 Hz)", text(drive.source()));
            assertEquals("exc[0:10]", text(drive.target()));
            assertEquals(1, drive.body().size());
            StimulusDecl bare = netItem("stimulus s : spike_times(times = [1 ms, 2 ms]) -> p;", StimulusDecl.class);
            assertTrue(bare.body().isEmpty());
        }

        @Test
        void externalStimulus() {
            StimulusDecl s = netItem("stimulus task : external(\"reward_scheduler\") -> vta;", StimulusDecl.class);
            assertEquals("external", s.source().name().name());
            assertEquals("reward_scheduler", ((Expr.Str) s.source().arguments().get(0).value()).value());
        }

        @Test
        void probeKinds() {
            ProbeDecl spikes = netItem("probe spikes of msn;", ProbeDecl.class);
            assertTrue(spikes.name().isEmpty());
            assertEquals("spikes", spikes.what().name().name());
            assertFalse(spikes.what().hasParens());
            assertTrue(spikes.every().isEmpty());

            ProbeDecl state = netItem("probe v : state(v) of pyr[0:20] every 1 ms;", ProbeDecl.class);
            assertEquals("v", state.name().orElseThrow().name());
            assertEquals("state(v)", text(state.what()));
            assertEquals("1 ms", text(state.every().orElseThrow()));

            ProbeDecl weights = netItem("probe weights of cortex.RS every 100 ms;", ProbeDecl.class);
            assertEquals("RS", weights.target().part().orElseThrow().name());
        }

        @Test
        void modulatorProbe() {
            ProbeDecl da = netItem("probe da : modulator(DA) of cortex every 1 ms;", ProbeDecl.class);
            Invocation what = da.what();
            assertEquals("modulator", what.name().name());
            assertEquals("modulator", text(what.name()));
            assertEquals("modulator(DA)", text(what));
            Argument arg = what.arguments().get(0);
            assertEquals("DA", ((Expr.Name) arg.value()).name().text());
            assertEquals("DA", text(arg));
        }
    }

    @Nested
    class Expressions {
        @Test
        void unaryMinusBindsLooserThanPower() {
            Expr.Unary neg = assertInstanceOf(Expr.Unary.class, expr("-2^2"));
            assertEquals(Expr.UnaryOp.NEGATE, neg.op());
            assertEquals("2^2", text(neg.operand()));
            Expr.Binary pow = assertInstanceOf(Expr.Binary.class, expr("(-2)^2"));
            assertInstanceOf(Expr.Paren.class, pow.left());
            Expr.Binary negativeExponent = assertInstanceOf(Expr.Binary.class, expr("2^-1"));
            assertInstanceOf(Expr.Unary.class, negativeExponent.right());
        }

        @Test
        void powerIsRightAssociative() {
            Expr.Binary e = assertInstanceOf(Expr.Binary.class, expr("2^3^2"));
            assertEquals("2", text(e.left()));
            assertEquals("3^2", text(e.right()));
        }

        @Test
        void productsBindTighterThanSumsAndBothGroupLeft() {
            Expr.Binary sum = assertInstanceOf(Expr.Binary.class, expr("1 + 2 * 3 - 4"));
            assertEquals(Expr.BinaryOp.SUBTRACT, sum.op());
            assertEquals("1 + 2 * 3", text(sum.left()));
            Expr.Binary inner = (Expr.Binary) sum.left();
            assertEquals(Expr.BinaryOp.MULTIPLY, ((Expr.Binary) inner.right()).op());
            Expr.Binary division = assertInstanceOf(Expr.Binary.class, expr("8 / 4 % 3 * 2"));
            assertEquals(Expr.BinaryOp.MULTIPLY, division.op());
            assertEquals("8 / 4 % 3", text(division.left()));
            assertEquals(Expr.BinaryOp.MODULO, ((Expr.Binary) division.left()).op());
        }

        @Test
        void unitsAttachToTheNumberBeforeThem() {
            Expr.Binary e = assertInstanceOf(Expr.Binary.class, expr("20 ms * r"));
            Expr.Number n = assertInstanceOf(Expr.Number.class, e.left());
            assertEquals("ms", n.unit().orElseThrow().name());
            assertEquals("20 ms", text(n));
            assertEquals("ms", text(n.unit().get()));
            assertEquals("\u00B5s", ((Expr.Number) expr("20 \u00B5s")).unit().orElseThrow().name());
            assertEquals("ms", ((Expr.Number) expr("20ms")).unit().orElseThrow().name());
        }

        @Test
        void concentrationsAndLists() {
            Expr.Concentration c = assertInstanceOf(Expr.Concentration.class, expr("[DA]"));
            assertEquals("DA", c.modulator().name());
            Expr.ListOf one = assertInstanceOf(Expr.ListOf.class, expr("[x,]"));
            assertEquals(1, one.elements().size());
            Expr.ListOf list = assertInstanceOf(Expr.ListOf.class, expr("[1 ms, 2 ms, 3 ms,]"));
            assertEquals(3, list.elements().size());
            assertEquals("2 ms", text(list.elements().get(1)));
            assertTrue(assertInstanceOf(Expr.ListOf.class, expr("[]")).elements().isEmpty());
            assertInstanceOf(Expr.ListOf.class, expr("[a.b]"));
        }

        @Test
        void callsWithNamedArguments() {
            Expr.Call call = assertInstanceOf(Expr.Call.class, expr("max(a = 1, b = 2 mV)"));
            assertEquals(List.of("a", "b"), call.call().arguments().stream().map(a -> a.name().orElseThrow().name()).toList());
            assertEquals("b = 2 mV", text(call.call().arguments().get(1)));
            assertEquals("b", text(call.call().arguments().get(1).name().orElseThrow()));
            assertTrue(assertInstanceOf(Expr.Call.class, expr("f()")).call().arguments().isEmpty());
        }

        @Test
        void stringsWithEscapes() {
            Expr.Str s = assertInstanceOf(Expr.Str.class, expr("\"a \\\"b\\\" \\\\ \\n\\t \u00B5\""));
            assertEquals("a \"b\" \\ \n\t \u00B5", s.value());
        }

        @Test
        void numbersWithExponentsAndUnderscores() {
            assertEquals(1_000_000.0, ((Expr.Number) expr("1_000_000")).value());
            assertEquals("1_000_000", ((Expr.Number) expr("1_000_000")).text());
            assertEquals(1.5e-3, ((Expr.Number) expr("1.5e-3")).value());
            assertEquals(50.0, ((Expr.Number) expr(".5e+2")).value());
            assertEquals(3.0, ((Expr.Number) expr("3.")).value());
            assertEquals(1000.0, ((Expr.Number) expr("1E3")).value());
            assertEquals(0.5, ((Expr.Number) expr(".5")).value());
        }

        @Test
        void qualifiedNamesAndParentheses() {
            Expr.Name n = assertInstanceOf(Expr.Name.class, expr("soma.tau_w"));
            assertEquals("soma.tau_w", n.name().text());
            Expr.Paren p = assertInstanceOf(Expr.Paren.class, expr("( 1 + 2 )"));
            assertEquals("( 1 + 2 )", text(p));
            assertEquals("1 + 2", text(p.inner()));
        }

        @Test
        void expressionSpansCoverOperands() {
            Expr e = expr("-(1 + 2) * -3 ^ 2");
            assertEquals("-(1 + 2) * -3 ^ 2", text(e));
            AstNodes.walk(e, node -> assertTrue(node.span().end() > node.span().start(), "empty span: " + node));
        }
    }

    @Test
    void diagnosticsAreEmptyForAValidProgram() {
        Diagnostics diagnostics = new Diagnostics();
        Parser.parse(new SourceFile("t.nmap", "network N { population p[1] : lif; }"), diagnostics).orElseThrow();
        assertTrue(diagnostics.all().isEmpty());
        assertEquals(DiagnosticCode.SYNTAX, Parsing.errors("network").get(0).code());
    }
}
