package io.neuromap.emulator.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test support: reads an NPY v1.0 file the way numpy.load does (strictly), to check what NpyWriter wrote. */
record NpyReader(String descr, long[] shape, ByteBuffer data, int headerBytes) {
    private static final Pattern DICT = Pattern.compile(
            "\\{'descr': '([<>|][a-z][0-9]+)', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\} *\n");

    static NpyReader read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (!new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY") || (magic[0] & 0xFF) != 0x93) {
            throw new IOException("bad magic");
        }
        if (b.get() != 1 || b.get() != 0) {
            throw new IOException("not version 1.0");
        }
        int len = Short.toUnsignedInt(b.getShort());
        String header = new String(bytes, 10, len, StandardCharsets.US_ASCII);
        Matcher m = DICT.matcher(header);
        if (!m.matches()) {
            throw new IOException("bad header: " + header);
        }
        String[] dims = m.group(2).split(",");
        long[] shape = java.util.Arrays.stream(dims).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong)
                .toArray();
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + len, bytes.length - 10 - len).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new NpyReader(m.group(1), shape, data, 10 + len);
    }
}
