package io.github.customeremail.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes records, quoting a field only when it holds the delimiter, a quote or a line break. */
final class CsvWriter implements RowWriter {
    private final Writer out;
    private final char delimiter;
    private final String newline;
    private final Source source;

    CsvWriter(Writer out, char delimiter, String newline) {
        this(out, delimiter, newline, null);
    }

    /** @param source where {@link #original} reads the records it writes back */
    CsvWriter(Writer out, char delimiter, String newline, Source source) {
        this.out = out;
        this.delimiter = delimiter;
        this.newline = newline;
        this.source = source;
    }

    @Override
    public void original(CsvRow row) throws IOException {
        raw(row, source);
    }

    @Override
    public void added(String value) throws IOException {
        field(FormulaGuard.cell(value), false);
    }

    @Override
    public void field(String value, boolean first) throws IOException {
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

    /**
     * Where the original records are, to be written back: the input file (for records too long to keep in memory)
     * and its charset.
     */
    record Source(FileChannel file, Charset charset) { }

    /**
     * Writes a record's original text as it was read: its bytes when they are UTF-8 already, else decoded; a record
     * too long to keep is copied from the input file in chunks.
     */
    void raw(CsvRow row, Source source) throws IOException {
        if (!row.streamed()) {
            original(row.raw(), row.raw().length, source.charset());
            return;
        }
        byte[] chunk = new byte[1 << 16];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        for (long at = row.start(); at < row.end(); ) {
            buffer.clear().limit((int) Math.min(chunk.length, row.end() - at));
            int n = source.file().read(buffer, at);
            if (n < 0) {
                throw new IOException("the input file changed while it was audited (it is shorter now)");
            }
            original(chunk, n, source.charset());
            at += n;
        }
    }

    /** Writes original bytes; a multi-byte UTF-8 sequence split across chunks is written as bytes, so it stays whole. */
    private void original(byte[] bytes, int length, Charset charset) throws IOException {
        if (charset == StandardCharsets.UTF_8 && out instanceof Utf8Writer utf8) {
            utf8.writeBytes(bytes, 0, length);
        } else {
            // windows-1252 is one byte per character: a chunk never splits one.
            out.write(new String(bytes, 0, length, charset));
        }
    }

    @Override
    public void endRow() throws IOException {
        out.write(newline);
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

