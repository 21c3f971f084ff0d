package io.github.customeremail.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Reads CSV records from a file at the byte level: quoted fields, doubled quotes, line breaks inside quotes, any
 * single-character delimiter. The bytes between delimiters, quotes and line breaks are copied as runs, and cells are
 * decoded only when asked for ({@link CsvCells}). The delimiter, quotes and line breaks are ASCII, so records are
 * split before decoding (a line-break byte never occurs inside a UTF-8 sequence nor means anything else in
 * windows-1252).
 *
 * <p>Memory is bounded by the cell limit, never by a record or the file: a cell longer than the limit keeps only its
 * first {@code cellLimit} bytes (and is listed in {@link CsvRow#overLimit()}); a record longer than the limit is not
 * kept whole but remembered by its position in the file ({@link CsvRow#start()}, {@link CsvRow#end()}), from which
 * the writer copies it, and keeps only the cells named with {@link #keepCells}. A 1 GB single-line cell streams
 * through in a few megabytes.
 *
 * <p>It follows RFC 4180 where exports do and departs from it where Odoo and Excel exports are sloppy: a stray quote
 * inside an unquoted field is kept as a character, text after a closing quote stays in the field, and an unclosed
 * quote is recovered from: when a quoted field runs to the end of the file or past {@link #MAX_RECORD_LINES} lines /
 * {@link #MAX_RECORD_BYTES} bytes, the record's first line is read again with the quote taken literally, marked
 * malformed, and the following lines are read again as records of their own, so no row is swallowed.
 *
 * <p>With strict UTF-8 every byte is validated (WHATWG's decoder rules: no overlong forms, surrogates or code points
 * past U+10FFFF) and the first invalid one raises {@link InvalidUtf8} with its line and file offset.
 *
 * <p>Hand-written rather than FastCSV or Commons CSV because the audit needs what they do not give: the position and
 * bytes of each record, so that the checked file repeats the original columns byte for byte, cells that stream past
 * a limit, and the recovery after an unclosed quote above (both libraries either fail or read the rest of the file
 * as one field).
 */
final class LenientCsvReader implements RowSource {

    /** A record whose quoted field spans more lines than this is treated as an unclosed quote. */
    static final int MAX_RECORD_LINES = 100;
    /** A quoted field that spans lines and makes its record longer than this (bytes) is an unclosed quote. */
    static final int MAX_RECORD_BYTES = 1 << 20;
    /** The default cell limit (bytes): cells and records up to this are kept in memory. */
    static final int DEFAULT_CELL_LIMIT = 1 << 20;

    private static final int START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;

    private final SeekableByteChannel in;
    private final Charset charset;
    private final boolean strictUtf8;
    private final byte delimiter;
    private final int cellLimit;
    /** Bytes read from the file at once. */
    static final int BUFFER_SIZE = 1 << 16;

    private final ByteBuffer buf;
    private long bufferOffset;                  // file offset of buf[0]
    private int expectedFields = -1;
    private BitSet keep = new BitSet();
    private long line = 1;                      // line number of the next byte
    private boolean skipLf;                     // the last record ended with \r: a \n right after belongs to it
    private boolean lastWasCr;                  // inside quotes: \r\n counts as one line

    // The record being read.
    private final Bytes cells = new Bytes();    // the values of its cells, one after the other
    private int[] bounds = new int[32];         // start and end of each cell in cells; start -1: not kept
    private int cellCount;                      // cells ended so far
    private int cellStart;                      // where the current cell starts in cells
    private final Bytes raw = new Bytes();
    private boolean rawTooLong;
    private long fieldBytes;
    private final List<Integer> overLimit = new ArrayList<>();

    // UTF-8 validation state (carried across buffers and records).
    private int utf8Needed;
    private int utf8Lower = 0x80;
    private int utf8Upper = 0xBF;
    private long utf8SequenceStart;
    private long utf8SequenceLine;

    /**
     * @param in         the file, positioned anywhere (reading starts at {@code start})
     * @param start      the offset of the first record (after a byte-order mark)
     * @param charset    how to decode cells
     * @param strictUtf8 whether invalid UTF-8 is an error
     * @param delimiter  the field separator (ASCII)
     * @param cellLimit  bytes of a cell (and of a record) kept in memory
     */
    LenientCsvReader(SeekableByteChannel in, long start, Charset charset, boolean strictUtf8, char delimiter,
                     int cellLimit) throws IOException {
        this(in, start, charset, strictUtf8, delimiter, cellLimit, BUFFER_SIZE);
    }

    /** As above, reading {@code bufferSize} bytes at once (tests put record boundaries across reads with it). */
    LenientCsvReader(SeekableByteChannel in, long start, Charset charset, boolean strictUtf8, char delimiter,
                     int cellLimit, int bufferSize) throws IOException {
        if (delimiter > 0x7F || cellLimit < 1) {
            throw new IllegalArgumentException("delimiter must be ASCII and the cell limit positive");
        }
        this.in = in;
        this.charset = charset;
        this.strictUtf8 = strictUtf8 && charset == StandardCharsets.UTF_8;
        this.delimiter = (byte) delimiter;
        this.cellLimit = cellLimit;
        this.buf = ByteBuffer.allocate(bufferSize);
        seek(start);
    }

    /** Rows with another field count than this are reported malformed (set it from the header). */
    @Override
    public void expectFields(int count) {
        this.expectedFields = count;
    }

    @Override
    public void keepCells(int... indexes) {
        keep = new BitSet();
        for (int i : indexes) {
            if (i >= 0) {
                keep.set(i);
            }
        }
    }

    /** @return bytes consumed so far (for progress) */
    @Override
    public long bytesRead() {
        return bufferOffset + buf.position();
    }

    /** @return the next record, or {@code null} at the end of the input */
    @Override
    public CsvRow next() throws IOException {
        long start = bytesRead();
        long firstLine = line;
        int firstByte = peek();
        if (firstByte == '\n' && skipLf) {
            buf.get();
            start++;
            firstByte = peek();
        }
        skipLf = false;
        if (firstByte < 0) {
            return null;
        }
        CsvRow row = read(start, firstLine, false);
        if (row == null) {
            // Unclosed quote: the first line again, its quotes taken literally; the lines after it are read again.
            seek(start);
            line = firstLine;
            row = read(start, firstLine, true);
        }
        return row;
    }

    /** @return the record, or {@code null} when a quoted field did not close in time (unclosed quote) */
    private CsvRow read(long start, long firstLine, boolean literal) throws IOException {
        cells.clear();
        cellCount = 0;
        overLimit.clear();
        raw.clear();
        rawTooLong = false;
        lastWasCr = false;
        startField();
        int state = START;
        int linesInQuotes = 0;
        while (true) {
            if (!buf.hasRemaining() && !fill()) {
                if (state == QUOTED) {
                    return null;
                }
                endUtf8();
                endField();
                return row(start, bytesRead(), firstLine, literal);
            }
            if (state == UNQUOTED || state == QUOTED) {
                // Bytes that mean nothing to the record's structure are copied as a run.
                int from = buf.position();
                int end = buf.limit();
                if (state == QUOTED && linesInQuotes > 0) {
                    // Stop before the byte that makes a multi-line record too long: it is checked one by one.
                    end = (int) Math.max(from, Math.min(end, start + MAX_RECORD_BYTES - bufferOffset));
                }
                int to = plain(from, end, state == QUOTED);
                if (to > from) {
                    run(buf.array(), from, to);
                    buf.position(to);
                    lastWasCr = false;
                    continue;
                }
            }
            byte b = buf.get();
            if (strictUtf8 && (b < 0 || utf8Needed > 0)) {
                utf8(b, bytesRead() - 1);
            }
            if ((b == '\n' || b == '\r') && state != QUOTED) {
                long end = bytesRead() - 1;
                line++;
                skipLf = b == '\r';
                if (skipLf && buf.hasRemaining() && buf.get(buf.position()) == '\n') {
                    buf.get();
                    skipLf = false;
                }
                endField();
                return row(start, end, firstLine, literal);
            }
            rawByte(b);
            switch (state) {
                case START -> {
                    if (b == '"' && !literal) {
                        state = QUOTED;
                    } else if (b == delimiter) {
                        nextField();
                    } else {
                        fieldByte(b);
                        state = UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (b == delimiter) {
                        nextField();
                        state = START;
                    } else {
                        fieldByte(b);           // lenient: a quote inside an unquoted field is a character
                    }
                }
                case QUOTED -> {
                    if (b == '"') {
                        state = QUOTE_SEEN;
                    } else {
                        if (b == '\n' || b == '\r') {
                            // A line break inside quotes belongs to the field; \r\n counts as one line.
                            if (b == '\r' || !lastWasCr) {
                                line++;
                                linesInQuotes++;
                            }
                        }
                        fieldByte(b);
                    }
                    if (linesInQuotes > MAX_RECORD_LINES
                            || linesInQuotes > 0 && bytesRead() - start > MAX_RECORD_BYTES) {
                        return null;
                    }
                }
                default -> {                    // QUOTE_SEEN
                    if (b == '"') {
                        fieldByte(b);           // "" inside quotes
                        state = QUOTED;
                    } else if (b == delimiter) {
                        nextField();
                        state = START;
                    } else {
                        fieldByte(b);           // lenient: text after the closing quote stays in the field
                        state = UNQUOTED;
                    }
                }
            }
            lastWasCr = b == '\r';
        }
    }

    /**
     * @return the index of the first byte from {@code from} on that the record's structure depends on: a line break,
     *         the delimiter (or, in quotes, a quote), or an ASCII byte where UTF-8 expects a continuation; the
     *         non-ASCII bytes before it are validated
     */
    private int plain(int from, int end, boolean quoted) throws InvalidUtf8 {
        byte[] a = buf.array();
        byte stop = quoted ? (byte) '"' : delimiter;
        int i = from;
        for (; i < end; i++) {
            byte b = a[i];
            if (b < 0) {
                if (strictUtf8) {
                    utf8(b, bufferOffset + i);
                }
            } else if (b == stop || b == '\n' || b == '\r' || utf8Needed > 0) {
                break;
            }
        }
        return i;
    }

    /** Adds bytes of a cell's value that are bytes of the record as read: {@link #rawByte}, {@link #fieldByte} each. */
    private void run(byte[] a, int from, int to) {
        if (!rawTooLong) {
            int room = cellLimit - raw.length;
            if (to - from > room) {
                raw.add(a, from, room);
                fieldRun(a, from, from + room);
                rawByte(a[from + room]);        // past the limit: the record is no longer kept whole
                fieldRun(a, from + room, to);
                return;
            }
            raw.add(a, from, to - from);
        }
        fieldRun(a, from, to);
    }

    /** Adds bytes of a cell's value: {@link #fieldByte} each. */
    private void fieldRun(byte[] a, int from, int to) {
        long before = fieldBytes;
        fieldBytes += to - from;
        if (before < cellLimit && (!rawTooLong || keep.get(cellCount))) {
            cells.add(a, from, (int) Math.min(to - from, cellLimit - before));
        }
    }

    /** Adds a byte of a cell's value. */
    private void fieldByte(byte b) {
        fieldBytes++;
        if (fieldBytes <= cellLimit && (!rawTooLong || keep.get(cellCount))) {
            cells.add(b);
        }
    }

    /** Adds a byte of the record as read. */
    private void rawByte(byte b) {
        if (rawTooLong) {
            return;
        }
        if (raw.length < cellLimit) {
            raw.add(b);
            return;
        }
        rawTooLong = true;
        raw.clear();
        // The record is no longer kept whole: only the cells to keep stay, moved to the front.
        int kept = 0;
        for (int i = 0; i < cellCount; i++) {
            int from = bounds[2 * i];
            int to = bounds[2 * i + 1];
            if (keep.get(i) && from >= 0) {
                System.arraycopy(cells.data, from, cells.data, kept, to - from);
                bounds[2 * i] = kept;
                kept += to - from;
                bounds[2 * i + 1] = kept;
            } else {
                bounds[2 * i] = -1;
                bounds[2 * i + 1] = -1;
            }
        }
        int current = keep.get(cellCount) ? cells.length - cellStart : 0;
        System.arraycopy(cells.data, cellStart, cells.data, kept, current);
        cellStart = kept;
        cells.length = kept + current;
    }

    private void nextField() {
        endField();
        startField();
    }

    private void startField() {
        cellStart = cells.length;
        fieldBytes = 0;
    }

    private void endField() {
        if (fieldBytes > cellLimit) {
            overLimit.add(cellCount);
        }
        if (2 * cellCount + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        boolean dropped = rawTooLong && !keep.get(cellCount);
        bounds[2 * cellCount] = dropped ? -1 : cellStart;
        bounds[2 * cellCount + 1] = dropped ? -1 : cells.length;
        cellCount++;
    }

    private CsvRow row(long start, long end, long firstLine, boolean literal) {
        CsvRow.Problem problem = literal ? CsvRow.Problem.UNCLOSED_QUOTE : null;
        if (problem == null && expectedFields >= 0 && cellCount != expectedFields) {
            problem = new CsvRow.Problem(cellCount, expectedFields);
        }
        byte[] bytes = rawTooLong ? null : Arrays.copyOf(raw.data, raw.length);
        List<Integer> cut = overLimit.isEmpty() ? List.of() : List.copyOf(overLimit);
        CsvCells values = new CsvCells(Arrays.copyOf(cells.data, cells.length),
                Arrays.copyOf(bounds, 2 * cellCount), charset, cut);
        return new CsvRow(values, firstLine, problem, bytes, start, end, cut, null);
    }

    private int peek() throws IOException {
        if (!buf.hasRemaining() && !fill()) {
            return -1;
        }
        return buf.get(buf.position()) & 0xFF;
    }

    private void seek(long offset) throws IOException {
        in.position(offset);
        bufferOffset = offset;
        buf.clear().limit(0);
        utf8Needed = 0;
        skipLf = false;
        lastWasCr = false;
    }

    private boolean fill() throws IOException {
        bufferOffset += buf.limit();
        buf.clear();
        int n;
        do {
            n = in.read(buf);
        } while (n == 0);
        buf.flip();
        return n > 0;
    }

    /** One byte at {@code offset} in the file through the UTF-8 validator (non-ASCII bytes and continuations only). */
    private void utf8(byte value, long offset) throws InvalidUtf8 {
        int b = value & 0xFF;
        if (utf8Needed == 0) {
            utf8SequenceStart = offset;
            utf8SequenceLine = line;
            if (b >= 0xC2 && b <= 0xDF) {
                utf8Needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                utf8Needed = 2;
                utf8Lower = b == 0xE0 ? 0xA0 : 0x80;
                utf8Upper = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                utf8Needed = 3;
                utf8Lower = b == 0xF0 ? 0x90 : 0x80;
                utf8Upper = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw new InvalidUtf8(line, offset, 1);
            }
            return;
        }
        if (b < utf8Lower || b > utf8Upper) {
            throw new InvalidUtf8(utf8SequenceLine, utf8SequenceStart, 1);
        }
        utf8Lower = 0x80;
        utf8Upper = 0xBF;
        utf8Needed--;
    }

    private void endUtf8() throws InvalidUtf8 {
        if (strictUtf8 && utf8Needed > 0) {
            throw new InvalidUtf8(utf8SequenceLine, utf8SequenceStart, 1);
        }
    }

    /** A growable byte array. */
    private static final class Bytes {
        byte[] data = new byte[256];
        int length;

        void add(byte b) {
            if (length == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[length++] = b;
        }

        void add(byte[] bytes, int from, int count) {
            if (length + count > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + count));
            }
            System.arraycopy(bytes, from, data, length, count);
            length += count;
        }

        void clear() {
            length = 0;
            if (data.length > 1 << 16) {
                data = new byte[256];       // a long record's buffer is not kept for the next ones
            }
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
}
