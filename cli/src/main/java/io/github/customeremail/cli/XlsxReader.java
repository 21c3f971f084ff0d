package io.github.customeremail.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an {@code .xlsx} workbook (Odoo's default export format) row by row with FastExcel's
 * streaming reader: the sheet's XML is parsed as it is unzipped, never held whole. (The reader keeps the workbook's
 * shared-strings table in memory as far as the rows read refer to it: flat for inline strings, about 60 bytes per
 * distinct text otherwise.) Every cell keeps its kind, value and
 * number format ({@link SheetCell}) so that the checked workbook repeats it; the fields the audit reads are the cells'
 * text, padded to the header's width.
 */
final class XlsxReader implements RowSource, Closeable {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final String sheetName;
    private int expectedFields = -1;

    XlsxReader(Path file) throws IOException {
        try {
            // Cell formats are read so that a date is written back as a date; a cell the reader cannot parse is an
            // ERROR cell, not an exception.
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
            Sheet sheet = workbook.getFirstSheet();
            sheetName = sheet.getName();
            rows = sheet.openStream();
            iterator = rows.iterator();
        } catch (ExcelReaderException | IndexOutOfBoundsException e) {
            throw new IOException("not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        }
    }

    /** @return whether the file is a ZIP archive, as an {@code .xlsx} workbook is (a CSV file never starts so) */
    static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && ReadableWorkbook.isOOXMLZipHeader(head);
        }
    }

    /** @return the name of the sheet read */
    String sheetName() {
        return sheetName;
    }

    @Override
    public void expectFields(int count) {
        this.expectedFields = count;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public CsvRow next() throws IOException {
        Row row;
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            row = iterator.next();
        } catch (ExcelReaderException | IllegalStateException | NumberFormatException e) {
            throw new IOException("the workbook's sheet is not valid XLSX (" + e.getMessage() + ")", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int count = row.getCellCount();
        List<SheetCell> cells = new ArrayList<>(count);
        List<String> fields = new ArrayList<>(Math.max(count, expectedFields));
        int width = 0;
        for (int i = 0; i < count; i++) {
            Cell cell = row.getCell(i);
            SheetCell kept = cell == null ? null : kept(cell);
            cells.add(kept);
            fields.add(kept == null ? "" : text(cell, kept));
            if (kept != null) {
                width = i + 1;
            }
        }
        while (fields.size() < expectedFields) {
            fields.add("");
        }
        CsvRow.Problem problem = expectedFields >= 0 && width > expectedFields
                ? new CsvRow.Problem(width, expectedFields) : null;
        return new CsvRow(fields, row.getRowNum(), problem, null, -1, -1, List.of(), cells);
    }

    private static SheetCell kept(Cell cell) {
        return switch (cell.getType()) {
            case STRING -> cell.getValue() == null || cell.asString().isEmpty() ? null
                    : new SheetCell(SheetCell.Kind.STRING, cell.asString(), null);
            case NUMBER -> new SheetCell(SheetCell.Kind.NUMBER, cell.getRawValue(), cell.getDataFormatString());
            case BOOLEAN -> new SheetCell(SheetCell.Kind.BOOLEAN, cell.getRawValue(), null);
            case FORMULA -> new SheetCell(SheetCell.Kind.FORMULA, cell.getFormula(), cell.getDataFormatString());
            case ERROR -> new SheetCell(SheetCell.Kind.ERROR, String.valueOf(cell.getRawValue()), null);
            case EMPTY -> null;
        };
    }

    /** The text the audit reads from a cell: a formula's last computed value, not its expression. */
    private static String text(Cell cell, SheetCell kept) {
        if (kept.kind() == SheetCell.Kind.FORMULA) {
            return cell.getRawValue() == null ? "" : cell.getRawValue();
        }
        return kept.text();
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            workbook.close();
        }
    }
}
