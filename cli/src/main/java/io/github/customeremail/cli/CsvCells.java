package io.github.customeremail.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The cells of one CSV record as {@link LenientCsvReader} read them: their bytes, decoded when a cell is first asked
 * for. An audit reads only the email and the External ID of a well-formed row and writes the row back from its
 * original bytes, so the other cells are never turned into strings.
 */
final class CsvCells extends AbstractList<String> implements RandomAccess {
    private final byte[] bytes;
    /** Cell {@code i} is {@code bytes[bounds[2i], bounds[2i + 1])}; a negative start is a cell not kept. */
    private final int[] bounds;
    private final Charset charset;
    private final List<Integer> cut;
    private final String[] decoded;

    /**
     * @param bytes   the cells' bytes, one after the other
     * @param bounds  start and end of each cell in {@code bytes} (start -1 for a cell not kept)
     * @param charset how to decode them
     * @param cut     the cells cut at the reader's limit: decoded up to the last whole character
     */
    CsvCells(byte[] bytes, int[] bounds, Charset charset, List<Integer> cut) {
        this.bytes = bytes;
        this.bounds = bounds;
        this.charset = charset;
        this.cut = cut;
        this.decoded = new String[bounds.length / 2];
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, decoded.length);
        String value = decoded[index];
        int start = bounds[2 * index];
        if (value == null && start >= 0) {
            value = decode(start, bounds[2 * index + 1], cut.contains(index));
            decoded[index] = value;
        }
        return value;
    }

    @Override
    public int size() {
        return decoded.length;
    }

    /** @return about the memory the cells take once decoded: two bytes a byte read */
    long weight() {
        return 2L * bytes.length;
    }

    private String decode(int from, int to, boolean cutAtLimit) {
        int n = to;
        if (cutAtLimit && charset == StandardCharsets.UTF_8) {
            // Cut at a character boundary: drop a trailing incomplete sequence.
            int i = to - 1;
            while (i >= from && (bytes[i] & 0xC0) == 0x80 && to - i <= 3) {
                i--;
            }
            if (i >= from && (bytes[i] & 0xC0) == 0xC0 && to - i < sequenceLength(bytes[i])) {
                n = i;
            }
        }
        return new String(bytes, from, n - from, charset);
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    }
}
