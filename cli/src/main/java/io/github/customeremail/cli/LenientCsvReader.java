package io.github.customeremail.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records from {@link CsvLines}: quoted fields, doubled quotes, line breaks inside quotes, any
 * single-character delimiter. Memory is bounded by the longest record, never by the file.
 *
 * <p>It follows RFC 4180 where exports do and departs from it where Odoo and Excel exports are sloppy: a stray quote
 * inside an unquoted field is kept as a character, text after a closing quote stays in the field, and an unclosed
 * quote is recovered from: when a quoted field runs to the end of the file or past {@link #MAX_RECORD_LINES} lines /
 * {@link #MAX_RECORD_CHARS} characters, the record's first line is re-read with the quote taken literally, marked
 * malformed, and the following lines are read again as records of their own, so no row is swallowed.
 *
 * <p>Hand-written rather than FastCSV or Commons CSV because the audit needs two things they do not give: the raw
 * text (or UTF-8 bytes) of each record, so that the checked file repeats the original columns byte for byte, and
 * the recovery after an unclosed quote above (both libraries either fail or read the rest of the file as one field).
 */
final class LenientCsvReader {

    /** A record whose quoted field spans more lines than this is treated as an unclosed quote. */
    static final int MAX_RECORD_LINES = 100;
    /** A record longer than this (characters) is treated as an unclosed quote. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private final CsvLines lines;
    private final char delimiter;
    private int expectedFields = -1;

    LenientCsvReader(CsvLines lines, char delimiter) {
        this.lines = lines;
        this.delimiter = delimiter;
    }

    /** Rows with another field count than this are reported malformed (set it from the header). */
    void expectFields(int count) {
        this.expectedFields = count;
    }

    /** @return the next record, or {@code null} at the end of the input */
    CsvRow next() throws IOException {
        CsvLines.Line first = lines.next();
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
            List<CsvLines.Line> consumed = new ArrayList<>();
            StringBuilder rawText = new StringBuilder(text);
            int chars = text.length();
            while (open) {
                CsvLines.Line more = lines.next();
                if (more != null) {
                    consumed.add(more);
                }
                if (more == null || consumed.size() > MAX_RECORD_LINES || chars > MAX_RECORD_CHARS) {
                    // Unclosed quote: take the first line literally and read the following lines again.
                    lines.pushBack(consumed);
                    fields.clear();
                    parseLiteral(text, fields);
                    return new CsvRow(fields, first.number(), CsvRow.Problem.UNCLOSED_QUOTE, null, null);
                }
                String moreText = more.text();
                chars += moreText.length();
                rawText.append(moreText);
                open = parse(moreText, fields, field, true);
            }
            rawText.setLength(contentEnd(rawText));
            raw = rawText.toString();
        }
        CsvRow.Problem problem = null;
        if (expectedFields >= 0 && fields.size() != expectedFields) {
            problem = new CsvRow.Problem(fields.size(), expectedFields);
        }
        return new CsvRow(fields, first.number(), problem, raw, rawUtf8);
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

