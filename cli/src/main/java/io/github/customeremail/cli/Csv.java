package io.github.customeremail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small streaming RFC 4180 reader and writer: quoted fields, doubled quotes, line breaks inside quotes, any
 * single-character delimiter. Memory is bounded by the longest record, never by the file.
 *
 * <p>The reader is lenient where Odoo and Excel exports are sloppy (a stray quote inside an unquoted field is kept
 * as a character) and recovers from an unclosed quote: when a quoted field runs to the end of the file or past
 * {@link #MAX_RECORD_LINES} lines / {@link #MAX_RECORD_CHARS} characters, the record's first line is re-read with
 * the quote taken literally, marked malformed, and the following lines are read again as records of their own, so
 * no row is swallowed.
 */
final class Csv {

    /** A record whose quoted field spans more lines than this is treated as an unclosed quote. */
    static final int MAX_RECORD_LINES = 100;
    /** A record longer than this (characters) is treated as an unclosed quote. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private Csv() {
    }

    /**
     * One record.
     *
     * @param fields  the fields, unquoted
     * @param line    the physical line number (1-based) where the record starts
     * @param problem why the record is malformed, or {@code null}
     * @param raw     the record's text as read, without its final line break ({@code null} after recovery, or
     *                when {@code rawUtf8} holds it)
     * @param rawUtf8 the same as UTF-8 bytes exactly as read, for a one-line record of a UTF-8 file, or {@code null}
     */
    record Row(List<String> fields, long line, Problem problem, String raw, byte[] rawUtf8) {

        /** @return whether the record's original text is available to be written back as it was */
        boolean hasRaw() {
            return raw != null || rawUtf8 != null;
        }
    }

    /**
     * Why a record is malformed, in the user's language.
     *
     * @param fields   the number of fields found, or -1 for a quote that is never closed
     * @param expected the number of fields in the header
     */
    record Problem(int fields, int expected) {
        static final Problem UNCLOSED_QUOTE = new Problem(-1, -1);

        String text(CliText text) {
            return fields < 0 ? text.get("csv.unclosedQuote") : text.get("csv.fieldCount", fields, expected);
        }

        @Override
        public String toString() {
            return text(CliText.of(Locale.ROOT));
        }
    }

    /**
     * A physical line.
     *
     * @param text   the decoded text, with its terminator
     * @param number the 1-based line number
     * @param utf8   the bytes without the terminator when the input is UTF-8, else {@code null}
     */
    record Line(String text, long number, byte[] utf8) { }

    /**
     * Reads physical lines, each with its terminator ({@code \r\n}, {@code \n} or {@code \r}). Splits at the byte
     * level (a line break byte never occurs inside a UTF-8 sequence nor means anything else in windows-1252), then
     * decodes each line with the JDK's fast {@code String} constructor. With a strict UTF-8 charset, a line holding
     * U+FFFD is checked again and invalid bytes raise {@link MalformedInputException}.
     */
    static final class Lines {
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

        Lines(InputStream in, Charset charset, boolean strictUtf8) {
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
    }

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

    /** A {@link Writer} that encodes UTF-8 straight into its own buffer (the JDK encoder is slow on accents). */
    static final class Utf8Writer extends Writer {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;

        Utf8Writer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (pos + 4 > buf.length) {
                flushBuffer();
            }
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else {
                write(String.valueOf((char) c), 0, 1);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            int i = off;
            int stop = off + len;
            while (i < stop) {
                if (pos + 4 > buf.length) {
                    flushBuffer();
                }
                int limit = Math.min(stop, i + (buf.length - pos) / 4);   // room for the worst case
                byte[] b = buf;
                int p = pos;
                for (; i < limit; i++) {
                    char c = s.charAt(i);
                    if (c < 0x80) {
                        b[p++] = (byte) c;
                    } else if (c < 0x800) {
                        b[p++] = (byte) (0xC0 | c >> 6);
                        b[p++] = (byte) (0x80 | c & 0x3F);
                    } else if (Character.isHighSurrogate(c) && i + 1 < stop
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        b[p++] = (byte) (0xF0 | cp >> 18);
                        b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        b[p++] = (byte) (0x80 | cp & 0x3F);
                    } else if (Character.isSurrogate(c)) {
                        b[p++] = '?';                   // a lone surrogate cannot be encoded
                    } else {
                        b[p++] = (byte) (0xE0 | c >> 12);
                        b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                        b[p++] = (byte) (0x80 | c & 0x3F);
                    }
                }
                pos = p;
            }
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            write(new String(chars, off, len), 0, len);
        }

        /** Writes bytes that are UTF-8 already. */
        void writeBytes(byte[] bytes) throws IOException {
            if (pos + bytes.length > buf.length) {
                flushBuffer();
                if (bytes.length > buf.length) {
                    out.write(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
        }

        private void flushBuffer() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
        }

        @Override
        public void flush() throws IOException {
            flushBuffer();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }

    /** Reads records. */
    static final class Reader4180 {
        private final Lines lines;
        private final char delimiter;
        private int expectedFields = -1;

        Reader4180(Lines lines, char delimiter) {
            this.lines = lines;
            this.delimiter = delimiter;
        }

        /** Rows with another field count than this are reported malformed (set it from the header). */
        void expectFields(int count) {
            this.expectedFields = count;
        }

        /** @return the next record, or {@code null} at the end of the input */
        Row next() throws IOException {
            Line first = lines.next();
            if (first == null) {
                return null;
            }
            List<String> fields = new ArrayList<>(expectedFields > 0 ? expectedFields + 1 : 16);
            StringBuilder field = this.field;
            field.setLength(0);
            String text = first.text();
            boolean open = parse(text, fields, field, false);
            String raw = null;
            byte[] rawUtf8 = null;
            if (!open) {
                rawUtf8 = first.utf8();
                if (rawUtf8 == null) {
                    raw = text.substring(0, contentEnd(text));
                }
            } else {
                List<Line> consumed = new ArrayList<>();
                StringBuilder rawText = new StringBuilder(text);
                int chars = text.length();
                while (open) {
                    Line more = lines.next();
                    if (more != null) {
                        consumed.add(more);
                    }
                    if (more == null || consumed.size() > MAX_RECORD_LINES || chars > MAX_RECORD_CHARS) {
                        // Unclosed quote: take the first line literally and read the following lines again.
                        lines.pushBack(consumed);
                        fields.clear();
                        parseLiteral(text, fields);
                        return new Row(fields, first.number(), Problem.UNCLOSED_QUOTE, null, null);
                    }
                    String moreText = more.text();
                    chars += moreText.length();
                    rawText.append(moreText);
                    open = parse(moreText, fields, field, true);
                }
                rawText.setLength(contentEnd(rawText));
                raw = rawText.toString();
            }
            Problem problem = null;
            if (expectedFields >= 0 && fields.size() != expectedFields) {
                problem = new Problem(fields.size(), expectedFields);
            }
            return new Row(fields, first.number(), problem, raw, rawUtf8);
        }

        private final StringBuilder field = new StringBuilder(64);

        /**
         * Parses one physical line into {@code fields}.
         *
         * @param continuing whether the line continues a quoted field of the previous line
         * @return whether the line ends inside a quoted field (the record continues on the next line)
         */
        private boolean parse(String s, List<String> fields, StringBuilder field, boolean continuing) {
            int end = contentEnd(s);
            int i = 0;
            if (continuing) {
                i = quoted(s, 0, end, field);
                if (i < 0) {
                    field.append(s, end, s.length());   // the line break belongs to the field
                    return true;
                }
                i = endField(s, i, end, fields, field);
                if (i < 0) {
                    return false;
                }
            }
            while (true) {
                if (i < end && s.charAt(i) == '"') {
                    // Fast path: "text" followed by the delimiter or the end, without doubled quotes.
                    int close = s.indexOf('"', i + 1);
                    if (close > 0 && close < end && (close + 1 == end || s.charAt(close + 1) == delimiter)) {
                        fields.add(s.substring(i + 1, close));
                        if (close + 1 == end) {
                            return false;
                        }
                        i = close + 2;
                        continue;
                    }
                    int after = quoted(s, i + 1, end, field);
                    if (after < 0) {
                        field.append(s, end, s.length());
                        return true;
                    }
                    i = endField(s, after, end, fields, field);
                    if (i < 0) {
                        return false;
                    }
                } else {
                    int d = s.indexOf(delimiter, i);
                    if (d < 0 || d > end) {
                        d = end;
                    }
                    // Lenient: a quote inside an unquoted field is kept as a character.
                    fields.add(s.substring(i, d));
                    if (d >= end) {
                        return false;
                    }
                    i = d + 1;
                }
            }
        }

        /** Appends a quoted field's content from {@code from}; returns the index after the closing quote, or -1. */
        private static int quoted(String s, int from, int end, StringBuilder field) {
            while (true) {
                int q = s.indexOf('"', from);
                if (q < 0 || q >= end) {
                    field.append(s, from, end);
                    return -1;
                }
                field.append(s, from, q);
                if (q + 1 < end && s.charAt(q + 1) == '"') {
                    field.append('"');                  // "" inside quotes
                    from = q + 2;
                } else {
                    return q + 1;
                }
            }
        }

        /** Ends a quoted field at the next delimiter (lenient: text after the closing quote is kept). */
        private int endField(String s, int i, int end, List<String> fields, StringBuilder field) {
            int d = s.indexOf(delimiter, i);
            if (d < 0 || d > end) {
                d = end;
            }
            field.append(s, i, d);
            fields.add(field.toString());
            field.setLength(0);
            return d >= end ? -1 : d + 1;
        }

        private static int contentEnd(CharSequence s) {
            int n = s.length();
            while (n > 0 && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r')) {
                n--;
            }
            return n;
        }

        /** Splits one line at every delimiter, keeping quotes as characters (recovery from an unclosed quote). */
        private void parseLiteral(String s, List<String> fields) {
            int n = s.length();
            while (n > 0 && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r')) {
                n--;
            }
            int start = 0;
            for (int i = 0; i <= n; i++) {
                if (i == n || s.charAt(i) == delimiter) {
                    fields.add(s.substring(start, i));
                    start = i + 1;
                }
            }
        }
    }

    /** Writes records, quoting a field only when it holds the delimiter, a quote or a line break. */
    static final class Writer4180 {
        private final Writer out;
        private final char delimiter;
        private final String newline;

        Writer4180(Writer out, char delimiter, String newline) {
            this.out = out;
            this.delimiter = delimiter;
            this.newline = newline;
        }

        void field(String value, boolean first) throws IOException {
            if (!first) {
                out.write(delimiter);
            }
            if (value == null || value.isEmpty()) {
                return;
            }
            if (needsQuotes(value)) {
                out.write('"');
                int from = 0;
                for (int q = value.indexOf('"'); q >= 0; q = value.indexOf('"', from)) {
                    out.write(value, from, q + 1 - from);
                    out.write('"');
                    from = q + 1;
                }
                out.write(value, from, value.length() - from);
                out.write('"');
            } else {
                out.write(value);
            }
        }

        /** Writes a record's original text as it was read (its bytes when they are UTF-8 already). */
        void raw(Row row) throws IOException {
            if (row.rawUtf8() != null && out instanceof Utf8Writer utf8) {
                utf8.writeBytes(row.rawUtf8());
            } else if (row.rawUtf8() != null) {
                out.write(new String(row.rawUtf8(), StandardCharsets.UTF_8));
            } else {
                out.write(row.raw());
            }
        }

        void endRow() throws IOException {
            out.write(newline);
        }

        void row(List<String> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                field(values.get(i), i == 0);
            }
            endRow();
        }

        private boolean needsQuotes(String v) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Picks the delimiter from the header line: {@code ;} when it has more semicolons than commas outside quotes
     * (Spanish-locale Excel), otherwise {@code ,}.
     */
    static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** @return the terminator of a physical line ({@code \r\n} when it has none: RFC 4180's) */
    static String terminatorOf(String line) {
        if (line.endsWith("\r\n")) {
            return "\r\n";
        } else if (line.endsWith("\n")) {
            return "\n";
        } else if (line.endsWith("\r")) {
            return "\r";
        }
        return "\r\n";
    }
}
