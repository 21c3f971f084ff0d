package io.github.customeremail.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

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
     */
    record Row(List<String> fields, long line, String problem) { }

    /** Reads physical lines, each with its terminator ({@code \r\n}, {@code \n} or {@code \r}). */
    static final class Lines {
        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int end;
        private long number;
        private final ArrayDeque<Object[]> pushedBack = new ArrayDeque<>();

        Lines(Reader in) {
            this.in = in;
        }

        /** @return {line text with terminator, line number} or {@code null} at the end */
        Object[] next() throws IOException {
            if (!pushedBack.isEmpty()) {
                return pushedBack.pollFirst();
            }
            StringBuilder sb = null;
            while (true) {
                if (pos == end && !fill()) {
                    return sb == null || sb.length() == 0 ? null : new Object[] {sb.toString(), ++number};
                }
                int start = pos;
                while (pos < end) {
                    char c = buf[pos++];
                    if (c == '\n' || c == '\r') {
                        if (c == '\r') {
                            if (pos == end) {
                                // Look one character ahead for the \n of a \r\n split across buffers.
                                String head = (sb == null ? "" : sb.toString()) + new String(buf, start, pos - start);
                                if (fill() && buf[pos] == '\n') {
                                    pos++;
                                    head += "\n";
                                }
                                return new Object[] {head, ++number};
                            }
                            if (buf[pos] == '\n') {
                                pos++;
                            }
                        }
                        String text = sb == null ? new String(buf, start, pos - start)
                                : sb.append(buf, start, pos - start).toString();
                        return new Object[] {text, ++number};
                    }
                }
                if (sb == null) {
                    sb = new StringBuilder(128);
                }
                sb.append(buf, start, pos - start);
            }
        }

        void pushBack(List<Object[]> lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                pushedBack.addFirst(lines.get(i));
            }
        }

        private boolean fill() throws IOException {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            pos = 0;
            end = Math.max(n, 0);
            return n > 0;
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
            Object[] first = lines.next();
            if (first == null) {
                return null;
            }
            List<String> fields = new ArrayList<>(expectedFields > 0 ? expectedFields : 16);
            StringBuilder field = new StringBuilder(64);
            String text = (String) first[0];
            int state = parse(text, fields, field, START);
            int chars = text.length();
            List<Object[]> consumed = state == IN_QUOTES ? new ArrayList<>() : null;
            while (state == IN_QUOTES) {
                Object[] more = lines.next();
                if (more != null) {
                    consumed.add(more);
                }
                if (more == null || consumed.size() > MAX_RECORD_LINES || chars > MAX_RECORD_CHARS) {
                    // Unclosed quote: take the first line literally and read the following lines again.
                    lines.pushBack(consumed);
                    fields.clear();
                    field.setLength(0);
                    parseLiteral(text, fields);
                    return new Row(fields, (Long) first[1], "unclosed quote");
                }
                String moreText = (String) more[0];
                chars += moreText.length();
                state = parse(moreText, fields, field, IN_QUOTES);
            }
            String problem = null;
            if (expectedFields >= 0 && fields.size() != expectedFields) {
                problem = fields.size() + " fields where the header has " + expectedFields;
            }
            return new Row(fields, (Long) first[1], problem);
        }

        private static final int START = 0;
        private static final int UNQUOTED = 1;
        private static final int IN_QUOTES = 2;
        private static final int AFTER_QUOTE = 3;

        /** Parses one physical line into {@code fields}; returns IN_QUOTES when the record continues. */
        private int parse(String s, List<String> fields, StringBuilder field, int state) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (state == IN_QUOTES) {
                    if (c == '"') {
                        state = AFTER_QUOTE;
                    } else {
                        field.append(c);
                    }
                } else if (state == AFTER_QUOTE && c == '"') {
                    field.append('"');      // "" inside quotes
                    state = IN_QUOTES;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    state = START;
                } else if (c == '\r' || c == '\n') {
                    break;                  // the terminator ends the record
                } else if (state == START && c == '"') {
                    state = IN_QUOTES;
                } else {
                    field.append(c);        // lenient: a stray quote or text after a closing quote is kept
                    state = UNQUOTED;
                }
            }
            if (state == IN_QUOTES) {
                return IN_QUOTES;
            }
            fields.add(field.toString());
            field.setLength(0);
            return START;
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
