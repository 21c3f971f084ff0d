package io.github.customeremail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads physical lines, each with its terminator ({@code \r\n}, {@code \n} or {@code \r}). Splits at the byte
 * level (a line break byte never occurs inside a UTF-8 sequence nor means anything else in windows-1252), then
 * decodes each line with the JDK's fast {@code String} constructor. With a strict UTF-8 charset, a line holding
 * U+FFFD is checked again and invalid bytes raise {@link MalformedInputException}.
 */
final class CsvLines {
    private final InputStream in;
    private final Charset charset;
    private final boolean strictUtf8;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long bytesBefore;                   // file offset of buf[0]
    private long number;
    private byte[] carry = new byte[256];       // a line split across two buffers
    private int carried;
    private final ArrayDeque<Line> pushedBack = new ArrayDeque<>();

    CsvLines(InputStream in, Charset charset, boolean strictUtf8) {
        this.in = in;
        this.charset = charset;
        this.strictUtf8 = strictUtf8;
    }

    /** @return bytes consumed so far (for progress) */
    long bytesRead() {
        return bytesBefore + pos;
    }

    /** @return the next line, or {@code null} at the end */
    Line next() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pollFirst();
        }
        carried = 0;
        long lineStart = bytesRead();
        while (true) {
            if (pos == end && !fill()) {
                return carried == 0 ? null : line(carry, 0, carried, lineStart);
            }
            int start = pos;
            while (pos < end) {
                byte b = buf[pos++];
                if (b == '\n' || b == '\r') {
                    if (b == '\r') {
                        if (pos == end) {
                            // Look one byte ahead for the \n of a \r\n split across buffers.
                            keep(start, pos);
                            if (fill() && buf[0] == '\n') {
                                pos++;
                                keep(0, 1);
                            }
                            return line(carry, 0, carried, lineStart);
                        }
                        if (buf[pos] == '\n') {
                            pos++;
                        }
                    }
                    if (carried == 0) {
                        return line(buf, start, pos - start, lineStart);
                    }
                    keep(start, pos);
                    return line(carry, 0, carried, lineStart);
                }
            }
            keep(start, pos);
        }
    }

    private Line line(byte[] bytes, int from, int length, long offset) throws IOException {
        String text = new String(bytes, from, length, charset);
        if (strictUtf8 && text.indexOf('\uFFFD') >= 0) {
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bb = ByteBuffer.wrap(bytes, from, length);
            CoderResult r = strict.decode(bb, CharBuffer.allocate(length), true);
            if (r.isError()) {
                throw new InvalidUtf8(number + 1, offset + bb.position() - from, r.length());
            }
        }
        byte[] utf8 = null;
        if (charset == StandardCharsets.UTF_8) {
            int end = from + length;
            while (end > from && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            utf8 = java.util.Arrays.copyOfRange(bytes, from, end);
        }
        return new Line(text, ++number, utf8);
    }

    private void keep(int from, int to) {
        int n = to - from;
        if (carried + n > carry.length) {
            carry = java.util.Arrays.copyOf(carry, Math.max(carry.length * 2, carried + n));
        }
        System.arraycopy(buf, from, carry, carried, n);
        carried += n;
    }

    void pushBack(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            pushedBack.addFirst(lines.get(i));
        }
    }

    private boolean fill() throws IOException {
        bytesBefore += end;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        end = Math.max(n, 0);
        return n > 0;
    }

    /**
     * A physical line.
     *
     * @param text   the decoded text, with its terminator
     * @param number the 1-based line number
     * @param utf8   the bytes without the terminator when the input is UTF-8, else {@code null}
     */
    record Line(String text, long number, byte[] utf8) { }

    /** Bytes that are not UTF-8, with where they are. */
    static final class InvalidUtf8 extends MalformedInputException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long offset;

        InvalidUtf8(long line, long offset, int length) {
            super(length);
            this.line = line;
            this.offset = offset;
        }

        @Override
        public String getMessage() {
            return "invalid UTF-8 at line " + line + " (byte " + offset + ")";
        }
    }
}
