package io.github.customeremail.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an {@code .xlsx} workbook (Odoo's default export format) row by row with FastExcel's
 * streaming reader: the sheet's XML is parsed as it is unzipped, never held whole. That reader would keep the
 * workbook's shared-strings table (where Excel and Odoo's export keep the text) in memory, so a workbook that has one is
 * first copied into a temporary folder with its text inline ({@link SharedStringsInliner}); the copy is deleted when
 * the reader is closed or fails to open. Every cell keeps its kind, value and number format ({@link SheetCell}) so that
 * the checked workbook repeats it; a formula cell is kept as the value its last calculation saved (what Odoo's
 * importer reads). The fields the audit reads are the cells' text, padded to the header's width.
 */
final class XlsxReader implements RowSource, Closeable {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final String sheetName;
    private final Path temporary;
    private int expectedFields = -1;

    XlsxReader(Path file) throws IOException {
        this(file, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Reads {@code file}, copying it (when it has a shared-strings table) into a new folder in {@code temporaryRoot}. */
    XlsxReader(Path file, Path temporaryRoot) throws IOException {
        temporary = Files.createTempDirectory(temporaryRoot, "customer-email-xlsx-");
        ReadableWorkbook opened = null;
        try {
            Path inlined = new SharedStringsInliner().inline(file, temporary);
            // Cell formats are read so that a date is written back as a date; a cell the reader cannot parse is an
            // ERROR cell, not an exception.
            opened = new ReadableWorkbook((inlined != null ? inlined : file).toFile(), new ReadingOptions(true, true));
            Sheet sheet = opened.getFirstSheet();
            sheetName = sheet.getName();
            rows = sheet.openStream();
            iterator = rows.iterator();
            workbook = opened;
        } catch (ExcelReaderException | IndexOutOfBoundsException e) {
            closeAfterFailure(opened);
            throw new IOException("not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException | Error e) {
            closeAfterFailure(opened);
            throw e;
        }
    }

    private void closeAfterFailure(ReadableWorkbook opened) {
        try {
            if (opened != null) {
                opened.close();
            }
        } catch (IOException ignored) {
            // the failure that brought us here is the one to report
        } finally {
            deleteTemporary();
        }
    }

    private void deleteTemporary() {
        try (Stream<Path> files = Files.list(temporary)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            temporary.toFile().deleteOnExit();          // a file still open elsewhere (Windows): at the latest on exit
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
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            // FastExcel reports malformed sheets with whatever it trips on (its own exception, an
            // IllegalStateException, a NullPointerException for a shared formula without its defining cell, …).
            throw new IOException("the workbook's sheet is not valid XLSX (" + e + ")", e);
        }
        int count = row.getCellCount();
        List<SheetCell> cells = new ArrayList<>(count);
        List<String> fields = new ArrayList<>(Math.max(count, expectedFields));
        int width = 0;
        for (int i = 0; i < count; i++) {
            Cell cell = row.getCell(i);
            SheetCell kept = cell == null ? null : kept(cell);
            cells.add(kept);
            fields.add(kept == null ? "" : kept.text());
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
            case FORMULA -> cachedValue(cell);
            case ERROR -> new SheetCell(SheetCell.Kind.ERROR, String.valueOf(cell.getRawValue()), null);
            case EMPTY -> null;
        };
    }

    /** Error values a formula's last calculation can save ({@code t="e"}); FastExcel reads them as text. */
    static final Set<String> ERROR_VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
            "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!");

    /**
     * A formula cell as the value its last calculation saved in the file, of that value's type (a number keeps the
     * cell's number format): what openpyxl's {@code load_workbook(data_only=True)}, Odoo's importer, reads. A
     * formula never calculated (no saved value) is an empty cell.
     */
    private static SheetCell cachedValue(Cell cell) {
        Object value = cell.getValue();
        String raw = cell.getRawValue();
        if (value == null || raw == null || raw.isEmpty()) {
            return null;
        }
        if (value instanceof BigDecimal) {
            return new SheetCell(SheetCell.Kind.NUMBER, raw, cell.getDataFormatString());
        }
        if (value instanceof Boolean) {
            return new SheetCell(SheetCell.Kind.BOOLEAN, raw, null);
        }
        return new SheetCell(ERROR_VALUES.contains(raw) ? SheetCell.Kind.ERROR : SheetCell.Kind.STRING, raw, null);
    }


    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            try {
                workbook.close();
            } finally {
                deleteTemporary();
            }
        }
    }
}
