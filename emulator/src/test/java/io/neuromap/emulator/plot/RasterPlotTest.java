package io.neuromap.emulator.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.RunSummary;
import io.neuromap.emulator.record.SpikeRecorder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The raster plot: well-formed files, colours per population, size bounded by the plot, determinism. */
class RasterPlotTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    /** {@code neurons} neurons in two populations (the first three quarters, the rest), random spikes. */
    private static Recording recording(int neurons, int steps, double rate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SpikeRecorder spikes = new SpikeRecorder();
        int split = neurons * 3 / 4;
        long a = 0;
        long b = 0;
        for (int s = 0; s < steps; s++) {
            for (int n = 0; n < neurons; n++) {
                if (random.nextDouble() < rate * 1e-3) {
                    spikes.record(s, 10 + n);
                    if (n < split) {
                        a++;
                    } else {
                        b++;
                    }
                }
            }
        }
        RunSummary summary = new RunSummary("test", steps, 1e-3, List.of(
                new RunSummary.PopulationSummary("exc", "lif", 10, split, a),
                new RunSummary.PopulationSummary("inh", "lif", 10 + split, neurons - split, b)), 0, Map.of(),
                OptionalDouble.empty());
        return new Recording(spikes, List.of(), summary);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void theSvgIsWellFormedWithOneColourPerPopulationAndARateLineEach() throws Exception {
        Recording r = recording(200, 500, 20, 1);
        Document doc = parse(RasterPlot.of(r).svg());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("1000", doc.getDocumentElement().getAttribute("width"));
        NodeList rects = doc.getElementsByTagNameNS(SVG_NS, "rect");
        int blue = 0;
        int orange = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            String fill = ((Element) rects.item(i)).getAttribute("fill");
            blue += fill.equals("#1f77b4") ? 1 : 0;
            orange += fill.equals("#ff7f0e") ? 1 : 0;
        }
        assertTrue(blue > 100 && orange > 30, blue + " exc cells, " + orange + " inh cells");
        assertEquals(2, doc.getElementsByTagNameNS(SVG_NS, "polyline").getLength());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("time (ms)") && text.contains("rate (Hz)") && text.contains("exc (150, "), text);
    }

    @Test
    void thePngDecodesAtThePlotSize() throws Exception {
        byte[] png = RasterPlot.of(recording(50, 3000, 10, 2)).png();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals(RasterPlot.WIDTH, image.getWidth());
        assertEquals(RasterPlot.HEIGHT, image.getHeight());
        // A raster pixel of the first population is drawn in its colour somewhere.
        boolean found = false;
        for (int x = 80; x < 970 && !found; x++) {
            for (int y = 70; y < 430 && !found; y++) {
                found = (image.getRGB(x, y) & 0xffffff) == 0x1f77b4;
            }
        }
        assertTrue(found, "no exc spike drawn");
    }

    @Test
    void aDenseRasterStaysBoundedByThePlotArea() throws Exception {
        // 5,000 neurons at 50 Hz for 2,000 steps: about 500,000 spikes.
        Recording r = recording(5000, 2000, 50, 3);
        assertTrue(r.spikes().count() > 400_000);
        String svg = RasterPlot.of(r).svg();
        assertTrue(svg.length() < 20_000_000, "SVG of " + svg.length() + " bytes");
        parse(svg);
    }

    @Test
    void theSameSpikesGiveTheSameBytes() {
        Recording r = recording(100, 400, 30, 4);
        assertEquals(RasterPlot.of(r).svg(), RasterPlot.of(recording(100, 400, 30, 4)).svg());
        assertArrayEquals(RasterPlot.of(r).png(), RasterPlot.of(recording(100, 400, 30, 4)).png());
    }

    @Test
    void anEmptyRunStillDraws() throws Exception {
        RunSummary summary = new RunSummary("test", 0, 1e-3, List.of(), 0, Map.of(), OptionalDouble.empty());
        Recording empty = new Recording(new SpikeRecorder(), List.of(), summary);
        parse(RasterPlot.of(empty).svg());
        assertNotNull(ImageIO.read(new ByteArrayInputStream(RasterPlot.of(empty).png())));
    }

    @Test
    void ticksFallOnRoundNumbers() {
        Ticks t = Ticks.of(0, 1000, 10);
        assertEquals(11, t.count());
        assertEquals("0", t.label(0));
        assertEquals("1000", t.label(10));
        Ticks s = Ticks.of(0, 2.5, 10);
        assertEquals("0.5", s.label(1), "2.5 / 10 = 0.25 rounds up to a step of 0.5");
        assertEquals("2.5", s.label(s.count() - 1));
        Ticks f = Ticks.of(0, 0.9, 10);
        assertEquals("0.1", f.label(1));
        assertEquals(10, f.count());
        Ticks r = Ticks.of(0, 37, 4);
        assertEquals("10", r.label(1));
        assertEquals(4, r.count(), "0, 10, 20, 30");
    }

    @Test
    void svgNumbersAreShortAndLocaleFree() {
        assertEquals("0", SvgCanvas.num(0.001));
        assertEquals("12.5", SvgCanvas.num(12.5));
        assertEquals("-3.05", SvgCanvas.num(-3.049));
        assertEquals("7", SvgCanvas.num(7.0));
        assertEquals("0.07", SvgCanvas.num(0.07));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", SvgCanvas.escape("a <b> & \"c\""));
    }
}
