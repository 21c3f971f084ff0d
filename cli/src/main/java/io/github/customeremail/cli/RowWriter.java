package io.github.customeremail.cli;

import java.io.IOException;
import java.util.List;

/** Writes the rows of one audit output (checked file or fixes file) in the input's format: CSV or XLSX. */
interface RowWriter {

    /** Starts a row with the original cells of {@code row}, exactly as read. */
    void original(CsvRow row) throws IOException;

    /** Writes a field the tool has: the first of a new row, or the next of the current row. */
    void field(String value, boolean first) throws IOException;

    /** Writes a field the tool adds to a file meant to be opened in a spreadsheet: never run as a formula. */
    void added(String value) throws IOException;

    void endRow() throws IOException;

    default void row(List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            field(values.get(i), i == 0);
        }
        endRow();
    }
}
