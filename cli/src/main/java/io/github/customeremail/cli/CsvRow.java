package io.github.customeremail.cli;

import java.util.List;
import java.util.Locale;

/**
 * One record of the audit's input: a CSV record as {@link LenientCsvReader} read it, or a spreadsheet row as
 * {@link XlsxReader} read it.
 *
 * @param fields    the fields, unquoted; in a record too long to keep whole, {@code null} for the cells not kept
 * @param line      the physical line number (1-based) where the record starts
 * @param problem   why the record is malformed, or {@code null}
 * @param raw       the record's bytes exactly as read, without its final line break, or {@code null} when the record
 *                  was too long to keep (then it is copied from {@code start}–{@code end} of the input file)
 * @param start     the file offset of the record's first byte
 * @param end       the file offset just past its last byte (before the line break)
 * @param overLimit the indexes of the cells longer than the reader's cell limit (their value is cut to the limit)
 * @param cells     a spreadsheet row's cells as read, by column ({@code null} for an empty cell), or {@code null} for
 *                  a CSV record
 */
record CsvRow(List<String> fields, long line, Problem problem, byte[] raw, long start, long end,
              List<Integer> overLimit, List<SheetCell> cells) {

    /** @return whether the record was too long to keep whole in memory */
    boolean streamed() {
        return raw == null;
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
}
