package io.github.customeremail.cli;

import java.util.List;
import java.util.Locale;

/**
 * One record of a CSV file, as {@link LenientCsvReader} read it.
 *
 * @param fields  the fields, unquoted
 * @param line    the physical line number (1-based) where the record starts
 * @param problem why the record is malformed, or {@code null}
 * @param raw     the record's text as read, without its final line break ({@code null} after recovery, or
 *                when {@code rawUtf8} holds it)
 * @param rawUtf8 the same as UTF-8 bytes exactly as read, for a one-line record of a UTF-8 file, or {@code null}
 */
record CsvRow(List<String> fields, long line, Problem problem, String raw, byte[] rawUtf8) {

    /** @return whether the record's original text is available to be written back as it was */
    boolean hasRaw() {
        return raw != null || rawUtf8 != null;
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
