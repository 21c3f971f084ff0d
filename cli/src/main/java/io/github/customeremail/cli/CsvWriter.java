package io.github.customeremail.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes records, quoting a field only when it holds the delimiter, a quote or a line break. */
final class CsvWriter {
    private final Writer out;
    private final char delimiter;
    private final String newline;

    CsvWriter(Writer out, char delimiter, String newline) {
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
    void raw(CsvRow row) throws IOException {
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

