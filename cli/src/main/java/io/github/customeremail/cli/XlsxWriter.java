package io.github.customeremail.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes one audit output as an {@code .xlsx} workbook of one sheet with FastExcel's writer, streaming: rows are
 * flushed to the file every {@link #FLUSH_EVERY} rows and every text is an inline string, so that neither the rows nor
 * a shared-strings table grow in memory. The original cells are written back with their kind and number format; the
 * cells the tool adds are text cells, which a spreadsheet never evaluates as formulas.
 */
final class XlsxWriter implements RowWriter {

    /** Rows kept in memory before they are written out. */
    static final int FLUSH_EVERY = 1024;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int next;
    private int row;
    private int column;
    private int unflushed;

    XlsxWriter(OutputStream out, String sheetName) {
        workbook = new Workbook(out, "customer-email", "1.0");
        sheet = workbook.newWorksheet(sheetName);
    }

    /** Writes the original cells at the input row's own index, so that empty rows between them stay. */
    @Override
    public void original(CsvRow source) throws IOException {
        row = Math.max(next, (int) source.line() - 1);
        column = 0;
        if (source.cells() != null) {
            for (SheetCell cell : source.cells()) {
                if (cell != null) {
                    write(cell);
                }
                column++;
            }
        } else {
            for (String field : source.fields()) {
                text(field);
            }
        }
        column = Math.max(column, source.fields().size());
    }

    private void write(SheetCell cell) {
        switch (cell.kind()) {
            case NUMBER -> {
                sheet.value(row, column, new BigDecimal(cell.value()));
                if (cell.format() != null && !"General".equals(cell.format())) {
                    sheet.style(row, column).format(cell.format()).set();
                }
            }
            case BOOLEAN -> sheet.value(row, column, "1".equals(cell.value()));
            default -> sheet.inlineString(row, column, cell.value());
        }
    }

    @Override
    public void field(String value, boolean first) {
        if (first) {
            row = next;
            column = 0;
        }
        text(value);
    }

    @Override
    public void added(String value) {
        text(value);
    }

    private void text(String value) {
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, column, value);
        }
        column++;
    }

    @Override
    public void endRow() throws IOException {
        next = row + 1;
        if (++unflushed == FLUSH_EVERY) {
            sheet.flush();
            unflushed = 0;
        }
    }

    /** Writes what is left and the workbook's closing parts. */
    void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
