package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.cli.CliRun.Run;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit} over an {@code .xlsx} export: outputs in the same format, every cell kept, the same figures as CSV. */
class AuditXlsxTest {

    static final List<String> HEADER = List.of("id", "name", "email", "phone", "birthday", "credit", "active");
    static final List<String> ADDED = RowEmitter.ADDED_COLUMNS;

    @TempDir
    Path dir;

    /** The rows of the sample: id, name, email (Odoo's columns), then odd cells. */
    static final String[][] ROWS = {
        {"__export__.res_partner_1", "Juan Pérez", "  Juan.Perez@Gmail,com "},
        {"__export__.res_partner_2", "Pedro", "pedro.sanchez@gmial.com"},
        {"__export__.res_partner_3", "Sin correo", ""},
        {"__export__.res_partner_4", "=Fórmula", "sin-arroba.com"},
        {"__export__.res_partner_5", "Ana", "ana.lopez@hotmail.com"},
    };

    /** Writes the sample: shared and inline strings, numbers, a date, a boolean, empty cells and an empty row. */
    static void sample(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("Contactos");
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, HEADER.get(c));                          // shared strings
            }
            int r = 1;
            for (String[] row : ROWS) {
                if (r == 3) {
                    r++;                                                // an empty row in the middle
                }
                ws.inlineString(r, 0, row[0]);                          // inline strings
                ws.value(r, 1, row[1]);
                if (!row[2].isEmpty()) {
                    ws.value(r, 2, row[2]);
                }
                if (r % 2 == 0) {
                    ws.value(r, 3, 3001234567L + r);                    // a number; odd rows leave it empty
                }
                ws.value(r, 4, LocalDate.of(1990, 1, r));
                ws.style(r, 4).format("yyyy-mm-dd").set();
                ws.value(r, 5, new BigDecimal("1234.5" + r));
                ws.value(r, 6, r % 2 == 0);
                r++;
            }
            ws.finish();
            wb.finish();
        }
    }

    static List<Row> rows(Path file) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            return wb.getFirstSheet().read();
        }
    }

    static String text(Row row, int column) {
        return row.getOptionalCell(column).map(Cell::getText).orElse("");
    }

    @Test
    void anXlsxExportIsAuditedIntoXlsxOutputsThatKeepEveryCell() throws Exception {
        Path input = dir.resolve("contactos.xlsx");
        sample(input);

        Run r = run("audit", "--dns", "off", "--lang", "en", input.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Audit of " + input + "  (XLSX, column email)");
        List<Row> in = rows(input);
        List<Row> out = rows(dir.resolve("contactos.checked.xlsx"));
        assertThat(out).extracting(Row::getRowNum).containsExactlyElementsOf(in.stream().map(Row::getRowNum).toList());
        for (int i = 0; i < in.size(); i++) {
            Row a = in.get(i);
            Row b = out.get(i);
            for (int c = 0; c < HEADER.size(); c++) {
                Cell x = a.getOptionalCell(c).orElse(null);
                Cell y = b.getOptionalCell(c).orElse(null);
                if (x == null || x.getType() == CellType.EMPTY) {
                    assertThat(y == null || y.getType() == CellType.EMPTY).as("row %d col %d", i, c).isTrue();
                    continue;
                }
                assertThat(y.getType()).as("row %d col %d", i, c).isEqualTo(x.getType());
                assertThat(y.getRawValue()).as("row %d col %d", i, c).isEqualTo(x.getRawValue());
                assertThat(y.getDataFormatString()).as("row %d col %d", i, c).isEqualTo(x.getDataFormatString());
            }
        }
        Row header = out.get(0);
        for (int c = 0; c < ADDED.size(); c++) {
            assertThat(text(header, HEADER.size() + c)).isEqualTo(ADDED.get(c));
        }
        int verdict = HEADER.size();
        assertThat(text(out.get(1), verdict)).isEqualTo("VALID");
        assertThat(text(out.get(1), verdict + 2)).isEqualTo("juan.perez@gmail.com");
        assertThat(text(out.get(2), verdict)).isEqualTo("SUGGEST");
        assertThat(text(out.get(2), verdict + 1)).isEqualTo("pedro.sanchez@gmail.com");
        assertThat(out.get(3).getRowNum()).isEqualTo(5);                // the empty row stays empty
        assertThat(text(out.get(3), verdict)).isEqualTo("NO_EMAIL");
        assertThat(text(out.get(4), 1)).isEqualTo("=Fórmula");          // a text cell, never a formula
        assertThat(out.get(4).getCell(1).getType()).isEqualTo(CellType.STRING);
        assertThat(text(out.get(4), verdict)).isEqualTo("INVALID");
        assertThat(out.get(1).getCell(4).asDate().toLocalDate()).isEqualTo(LocalDate.of(1990, 1, 1));

        // The fixes file, in the same format, with the header Odoo's import maps by name.
        List<Row> fixes = rows(dir.resolve("contactos.fixes.xlsx"));
        assertThat(fixes).extracting(row -> List.of(text(row, 0), text(row, 1), text(row, 2))).containsExactly(
                List.of("id", "email", "needs_confirmation"),
                List.of("__export__.res_partner_1", "juan.perez@gmail.com", "no"),
                List.of("__export__.res_partner_2", "pedro.sanchez@gmail.com", "yes"));
    }

    /**
     * Odoo's importer reads an XLSX file with openpyxl, {@code load_workbook(..., data_only=True)}, and takes
     * {@code sheet.rows} (base_import's {@code _read_xlsx}): the fixes workbook, read the same way, gives the rows to
     * import. Debian's python3-openpyxl ({@code .ci/run} installs it); skipped without it outside CI.
     */
    @Test
    void odoosXlsxReaderGetsEveryFixFromTheFixesWorkbook() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean ready = Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import openpyxl").start().waitFor() == 0;
        if (!ready) {
            String reason = "Debian's python3-openpyxl is not installed: it reads the fixes workbook as Odoo does";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(reason);
            }
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
        Path input = dir.resolve("contactos.xlsx");
        sample(input);
        assertThat(run("audit", "--dns", "off", input.toString()).status()).isZero();
        Path read = dir.resolve("read.txt");
        Process p = new ProcessBuilder(python.toString(), "-c", String.join("\n",
                "import io, sys, openpyxl",
                "book = openpyxl.load_workbook(io.BytesIO(open(sys.argv[1], 'rb').read()), data_only=True)",
                "for row in book[book.sheetnames[0]].rows:",
                "    print('|'.join('' if c.value is None else str(c.value) for c in row))"),
                dir.resolve("contactos.fixes.xlsx").toString())
                .redirectError(dir.resolve("warnings.txt").toFile()).redirectOutput(read.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readAllLines(read)).as(Files.readString(dir.resolve("warnings.txt"))).containsExactly(
                "id|email|needs_confirmation",
                "__export__.res_partner_1|juan.perez@gmail.com|no",
                "__export__.res_partner_2|pedro.sanchez@gmail.com|yes");
    }

    @Test
    void theSameContactsGiveTheSameFiguresAsCsvOrXlsx() throws Exception {
        Path xlsx = dir.resolve("contactos.xlsx");
        sample(xlsx);
        Path csv = dir.resolve("contactos.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(String.join(",", HEADER) + "\n");
            for (Row row : rows(xlsx).subList(1, rows(xlsx).size())) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < HEADER.size(); c++) {
                    cells.add('"' + text(row, c).replace("\"", "\"\"") + '"');
                }
                w.write(String.join(",", cells) + "\n");
            }
        }
        Run a = run("audit", "--dns", "off", "--format", "json", csv.toString());
        Run b = run("audit", "--dns", "off", "--format", "json", xlsx.toString());
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(b.status()).as(b.err()).isZero();
        assertThat(figures(b.out())).isEqualTo(figures(a.out())).contains("\"rows\":5");
        assertThat(b.out()).contains("\"encoding\":\"XLSX\"", "\"delimiter\":null", "contactos.fixes.xlsx");
    }

    /** The JSON summary without what names the files, their format and the time taken. */
    static String figures(String json) {
        return json.replaceAll("\"(file|encoding|delimiter|output|fixes_file|fixes|elapsed_ms)\":(\"[^\"]*\"|null|\\d+),?", "");
    }

    @Test
    void anOutNameOfTheOtherFormatIsRefusedNamingTheOption() throws Exception {
        Path xlsx = dir.resolve("contactos.xlsx");
        sample(xlsx);
        Path csv = dir.resolve("contactos.csv");
        Files.writeString(csv, "id,email\n__export__.res_partner_1,ana@gmial.com\n");

        Run toCsv = run("audit", "--dns", "off", "--lang", "en", "--out", dir.resolve("revisado.csv").toString(),
                xlsx.toString());
        Run toXlsx = run("audit", "--dns", "off", "--lang", "es", "--out", dir.resolve("revisado.XLSX").toString(),
                csv.toString());

        assertThat(toCsv.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(toCsv.err()).contains("--out " + dir.resolve("revisado.csv"), "the input is XLSX",
                "a name ending in .xlsx");
        assertThat(toXlsx.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(toXlsx.err()).contains("la entrada es CSV", "termine en .csv");
        assertThat(dir.resolve("revisado.csv")).doesNotExist();
        assertThat(dir.resolve("revisado.fixes.csv")).doesNotExist();
        assertThat(dir.resolve("revisado.XLSX")).doesNotExist();

        // A name without an extension: both outputs in the input's format.
        Run plain = run("audit", "--dns", "off", "--out", dir.resolve("revisado").toString(), xlsx.toString());
        assertThat(plain.status()).as(plain.err()).isZero();
        assertThat(XlsxReader.isXlsx(dir.resolve("revisado"))).isTrue();
        assertThat(rows(dir.resolve("revisado.fixes.xlsx"))).hasSize(3);
    }

    /** Writes {@code rows} contacts (id, name, email; every tenth with a gmial.com typo), texts shared or inline. */
    static void largeSheet(Path file, int rows, boolean shared) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("Contactos");
            for (int c = 0; c < 3; c++) {
                ws.value(0, c, HEADER.get(c));
            }
            for (int r = 1; r <= rows; r++) {
                List<String> texts = List.of("__export__.res_partner_" + r, "Cliente número " + r,
                        "cliente" + r + (r % 10 == 0 ? "@gmial.com" : "@gmail.com"));
                for (int c = 0; c < texts.size(); c++) {
                    if (shared) {
                        ws.value(r, c, texts.get(c));               // FastExcel's writer: the shared-strings table
                    } else {
                        ws.inlineString(r, c, texts.get(c));
                    }
                }
                if (r % 1000 == 0) {
                    ws.flush();
                }
            }
            ws.finish();
            wb.finish();
        }
    }

    /** Audits {@code input} in a JVM of its own with 32 MB of heap; @return its JSON summary (the exit status is 0) */
    static String auditIn32Mb(Path input, String... jvmOptions) throws Exception {
        Path err = input.resolveSibling("err.txt");
        Path stdout = input.resolveSibling("out.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "audit", "--dns",
                "off", "--format", "json", "--progress", "never", input.toString()));
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(stdout.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(stdout);
    }

    @Test
    void aLargeSheetIsReadAndWrittenInFlatMemory() throws Exception {
        Path input = dir.resolve("grande.xlsx");
        int rows = 150_000;
        largeSheet(input, rows, false);
        assertThat(auditIn32Mb(input)).contains("\"rows\":" + rows, "\"SUGGEST\":" + rows / 10);
        try (ReadableWorkbook wb = new ReadableWorkbook(dir.resolve("grande.checked.xlsx").toFile())) {
            long[] seen = {0};
            wb.getFirstSheet().openStream().forEach(row -> {
                if (row.getRowNum() > 1) {
                    assertThat(row.getCellText(0)).isEqualTo("__export__.res_partner_" + (row.getRowNum() - 1));
                }
                seen[0]++;
            });
            assertThat(seen[0]).isEqualTo(rows + 1);
        }
    }
}
