package io.neuromap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Reads run files the way their consumers do, without neuromap's own readers: NPY headers as
 * numpy parses them (magic, version, header length, the dict), PNG through ImageIO, SVG through
 * an XML parser, so a test fails if a file is not what numpy, a viewer or a browser expects.
 */
final class RunFiles {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|][a-z][0-9]+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([0-9,\\s]*)\\)");

    private RunFiles() {
    }

    /** An NPY file's header and data. */
    record Npy(String descr, long[] shape, ByteBuffer data) {
        long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        int intAt(long i) {
            return data.getInt((int) (i * 4));
        }

        double doubleAt(long i) {
            return data.getDouble((int) (i * 8));
        }
    }

    /** Parses {@code file} as NPY version 1.0 or 2.0, little-endian, C order; asserts the data length. */
    static Npy npy(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length >= 10, file + " is too short for an NPY header");
        assertEquals("\u0093NUMPY", new String(bytes, 0, 6, StandardCharsets.ISO_8859_1), file + ": magic");
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        assertTrue(header.endsWith("\n"), file + ": header ends with a newline");
        assertEquals(0, (start + headerLength) % 16, file + ": data aligned to 16 bytes as numpy writes it");
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        assertTrue(descr.find() && fortran.find() && shape.find(), file + ": header dict " + header);
        assertEquals("False", fortran.group(1), file + ": C order");
        long[] dims = Arrays.stream(shape.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int item = Integer.parseInt(descr.group(1).substring(2));
        Npy npy = new Npy(descr.group(1), dims, ByteBuffer.wrap(bytes, start + headerLength,
                bytes.length - start - headerLength).slice().order(ByteOrder.LITTLE_ENDIAN));
        assertEquals(npy.elements() * item, bytes.length - start - headerLength, file + ": data length for " + header);
        return npy;
    }

    /** Decodes {@code file} as PNG and returns the image. */
    static BufferedImage png(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " is nearly empty");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, file + " does not decode as PNG");
        return image;
    }

    /** Parses {@code file} as XML and checks that it is an SVG document. */
    static Document svg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        return doc;
    }
}
