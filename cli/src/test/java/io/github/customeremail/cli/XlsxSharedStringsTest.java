package io.github.customeremail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks whose text is in the shared-strings table (as Excel and Odoo's export save it): read in flat memory through
 * a temporary copy with the text inline, every cell as FastExcel reads the original, the copy always deleted.
 */
class XlsxSharedStringsTest {

    @TempDir
    Path dir;

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** The shared strings: plain, rich text in runs, a phonetic guide to leave out, markup and spaces kept. */
    static final String SHARED_STRINGS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="%s" count="6" uniqueCount="6">
            <si><t>id</t></si>
            <si><t>email</t></si>
            <si><r><rPr><b/></rPr><t>Nombre</t></r><r><t xml:space="preserve"> completo</t></r></si>
            <si><t>ana.lopez@gmial.com</t></si>
            <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
            <si><t xml:space="preserve">  &lt;a&gt; &amp; "b"  </t></si>
            </sst>""".formatted(MAIN);

    /**
     * A sheet of shared-string cells (one empty, one past the table), an inline string and formula cells of each
     * saved type: a number with a date format, a text, a boolean, an error, and one never calculated.
     */
    static final String SHEET = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <dimension ref="A1:G3"/>
            <sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>__export__.res_partner_1</t></is></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c><c r="D2" s="1"><f>45000+1</f><v>45001</v></c></row>
            <row r="4"><c r="A4" t="s"><v></v></c><c r="B4" t="s"><v>99</v></c><c r="C4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D4" t="b"><f>TRUE()</f><v>1</v></c><c r="E4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F4"><f>A1</f></c><c r="G4" t="s" s="0"><v>5</v></c></row>
            </sheetData>
            </worksheet>""".formatted(MAIN);

    /** Writes a workbook of one sheet from its parts' XML, as Excel lays them out. */
    static void handMade(Path file, String sheet, String sharedStrings) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
        parts.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="Contactos" sheetId="1" r:id="rId1"/></sheets>
                </workbook>""".formatted(MAIN));
        parts.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>""");
        parts.put("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="%s">
                <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>
                </styleSheet>""".formatted(MAIN));
        parts.put("xl/worksheets/sheet1.xml", sheet);
        parts.put("xl/sharedStrings.xml", sharedStrings);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    static List<CsvRow> readAll(Path file, Path temporaryRoot) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (XlsxReader reader = new XlsxReader(file, temporaryRoot)) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !p.equals(folder)).count();
        }
    }

    @Test
    void everyCellReadsAsFastExcelReadsTheOriginalAndFormulasAsTheirSavedValues() throws Exception {
        Path input = dir.resolve("compartidas.xlsx");
        handMade(input, SHEET, SHARED_STRINGS);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));

        List<CsvRow> rows = readAll(input, tmp);

        assertThat(filesIn(tmp)).as("the temporary copy is deleted").isZero();
        assertThat(rows).extracting(CsvRow::line).containsExactly(1L, 2L, 4L);
        assertThat(rows.get(0).fields()).containsExactly("id", "email", "Nombre completo");
        assertThat(rows.get(1).fields()).containsExactly("__export__.res_partner_1", "ana.lopez@gmial.com", "東京",
                "45001");
        assertThat(rows.get(2).fields()).containsExactly("", "", "ab", "TRUE", "#DIV/0!", "", "  <a> & \"b\"  ");
        List<SheetCell> formulas = rows.get(2).cells();
        assertThat(rows.get(1).cells().get(3)).isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, "45001", "mm-dd-yy"));
        assertThat(formulas.get(2)).isEqualTo(new SheetCell(SheetCell.Kind.STRING, "ab", null));
        assertThat(formulas.get(3)).isEqualTo(new SheetCell(SheetCell.Kind.BOOLEAN, "1", null));
        assertThat(formulas.get(4)).isEqualTo(new SheetCell(SheetCell.Kind.ERROR, "#DIV/0!", null));
        assertThat(formulas.get(5)).as("a formula never calculated").isNull();

        // Every text cell as FastExcel reads it from the original workbook, shared strings and all.
        try (ReadableWorkbook original = new ReadableWorkbook(input.toFile(), new ReadingOptions(true, true))) {
            List<Row> expected = original.getFirstSheet().read();
            assertThat(expected).hasSize(rows.size());
            for (int r = 0; r < expected.size(); r++) {
                for (Cell cell : expected.get(r)) {
                    if (cell != null && cell.getType() == CellType.STRING) {
                        int c = cell.getColumnIndex();
                        assertThat(rows.get(r).fields().get(c)).as("row %d col %d", r, c).isEqualTo(cell.asString());
                    }
                }
            }
        }
    }

    @Test
    void formulaCellsAreWrittenBackAsTheirSavedValues() throws Exception {
        Path input = dir.resolve("compartidas.xlsx");
        handMade(input, SHEET, SHARED_STRINGS);

        CliRun.Run run = CliRun.run("audit", "--dns", "off", input.toString());

        assertThat(run.status()).as(run.err()).isZero();
        try (ReadableWorkbook wb = new ReadableWorkbook(dir.resolve("compartidas.checked.xlsx").toFile(),
                new ReadingOptions(true, false))) {
            List<Row> out = wb.getFirstSheet().read();
            Cell number = out.get(1).getCell(3);
            assertThat(number.getType()).isEqualTo(CellType.NUMBER);
            assertThat(number.getRawValue()).isEqualTo("45001");
            assertThat(number.getDataFormatString()).isEqualTo("mm-dd-yy");
            assertThat(out.get(2).getCell(2).getType()).isEqualTo(CellType.STRING);
            assertThat(out.get(2).getCell(2).asString()).isEqualTo("ab");
            assertThat(out.get(2).getCell(3).getType()).isEqualTo(CellType.BOOLEAN);
            assertThat(out.get(2).getCell(3).asBoolean()).isTrue();
            assertThat(out.get(2).getCell(4).asString()).isEqualTo("#DIV/0!");
            assertThat(out.get(2).getOptionalCell(5).map(Cell::getType).orElse(CellType.EMPTY))
                    .isEqualTo(CellType.EMPTY);
            assertThat(out.get(2).getCell(6).asString()).isEqualTo("  <a> & \"b\"  ");
            for (Row row : out) {
                for (Cell cell : row) {
                    assertThat(cell == null || cell.getType() != CellType.FORMULA).as("%s", cell).isTrue();
                }
            }
        }
    }

    @Test
    void theCopyIsDeletedWhenTheSheetTurnsOutInvalid() throws Exception {
        Path input = dir.resolve("rota.xlsx");
        handMade(input, SHEET.replace("<v>3</v>", "<v>tres</v>"), SHARED_STRINGS);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));

        assertThatThrownBy(() -> readAll(input, tmp)).isInstanceOf(IOException.class)
                .hasMessageContaining("shared string \"tres\"");

        assertThat(filesIn(tmp)).isZero();
    }

    @Test
    void aDoctypeInTheSharedStringsIsRefused() throws Exception {
        Path input = dir.resolve("entidad.xlsx");
        Path secret = Files.writeString(dir.resolve("secreto.txt"), "secreto");
        handMade(input, SHEET, SHARED_STRINGS.replace("<sst ", "<!DOCTYPE sst [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]><sst ").replace("<t>id</t>", "<t>&x;</t>"));
        Path tmp = Files.createDirectory(dir.resolve("tmp"));

        assertThatThrownBy(() -> readAll(input, tmp)).isInstanceOf(IOException.class)
                .hasMessageContaining("shared strings");

        assertThat(filesIn(tmp)).isZero();
    }

    @Test
    void aSheetTheReaderCannotMakeSenseOfIsAClearErrorNotACrash() throws Exception {
        // a shared formula whose defining cell is missing: FastExcel's reader fails on it with a NullPointerException
        Path input = dir.resolve("shared-formula.xlsx");
        handMade(input, SHEET.replace("<f>45000+1</f>", "<f t=\"shared\" si=\"7\"/>"), SHARED_STRINGS);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));

        assertThatThrownBy(() -> readAll(input, tmp)).isInstanceOf(IOException.class)
                .hasMessageContaining("not valid XLSX");

        assertThat(filesIn(tmp)).isZero();
    }

    /**
     * 200 000 rows of three distinct texts each, every one in the shared-strings table (600 000 entries: about 36 MB
     * as FastExcel's reader holds them), audited in a JVM of 32 MB of heap; the outputs hold every text.
     */
    @Test
    void aLargeSheetOfSharedStringsIsAuditedInFlatMemory() throws Exception {
        Path input = dir.resolve("grande.xlsx");
        int rows = 200_000;
        AuditXlsxTest.largeSheet(input, rows, true);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        assertThat(AuditXlsxTest.auditIn32Mb(input, "-Djava.io.tmpdir=" + tmp))
                .contains("\"rows\":" + rows, "\"SUGGEST\":" + rows / 10);
        assertThat(filesIn(tmp)).as("the temporary copy is deleted").isZero();
        try (ReadableWorkbook wb = new ReadableWorkbook(dir.resolve("grande.checked.xlsx").toFile())) {
            long[] seen = {0};
            wb.getFirstSheet().openStream().forEach(row -> {
                int r = row.getRowNum() - 1;
                if (r > 0) {
                    assertThat(row.getCellText(0)).isEqualTo("__export__.res_partner_" + r);
                    assertThat(row.getCellText(1)).isEqualTo("Cliente número " + r);
                    assertThat(row.getCellText(2)).isEqualTo("cliente" + r + (r % 10 == 0 ? "@gmial.com" : "@gmail.com"));
                    assertThat(row.getCellText(3)).isEqualTo(r % 10 == 0 ? "SUGGEST" : "VALID");
                }
                seen[0]++;
            });
            assertThat(seen[0]).isEqualTo(rows + 1);
        }
    }
}
