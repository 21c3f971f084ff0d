package io.github.customeremail.cli;

import java.io.IOException;

/** The rows of the audit's input, in order: a CSV file's records or a spreadsheet's rows. */
interface RowSource {

    /** @return the next row, or {@code null} at the end of the input */
    CsvRow next() throws IOException;

    /** Rows with more fields than this are reported malformed (set it from the header). */
    void expectFields(int count);

    /** The cells to keep from a row too long to keep whole (the email and the External ID); others are dropped. */
    default void keepCells(int... indexes) {
    }

    /** @return how far the input is read, in bytes of the file, for the progress line (0 when unknown) */
    long bytesRead();
}
