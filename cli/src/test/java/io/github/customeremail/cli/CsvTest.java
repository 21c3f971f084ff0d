package io.github.customeremail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTest {

    static List<CsvRow> read(String text, char delimiter, int expectedFields) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, delimiter, expectedFields);
    }

    static List<CsvRow> read(byte[] bytes, Charset charset, char delimiter, int expectedFields) throws IOException {
        return read(bytes, charset, delimiter, expectedFields, LenientCsvReader.DEFAULT_CELL_LIMIT);
    }

    static List<CsvRow> read(byte[] bytes, Charset charset, char delimiter, int expectedFields, int cellLimit,
                             int... keep) throws IOException {
        return readInReadsOf(LenientCsvReader.BUFFER_SIZE, bytes, charset, delimiter, expectedFields, cellLimit, keep);
    }

    /** As {@link #read}, the reader taking {@code bufferSize} bytes from the file at once. */
    static List<CsvRow> readInReadsOf(int bufferSize, byte[] bytes, Charset charset, char delimiter,
                                      int expectedFields, int cellLimit, int... keep) throws IOException {
        Path file = Files.createTempFile("csv-test", ".csv");
        try (FileChannel in = FileChannel.open(Files.write(file, bytes), StandardOpenOption.READ)) {
            LenientCsvReader reader = new LenientCsvReader(in, 0, charset, charset == StandardCharsets.UTF_8,
                    delimiter, cellLimit, bufferSize);
            reader.expectFields(expectedFields);
            reader.keepCells(keep);
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow r = reader.next(); r != null; r = reader.next()) {
                rows.add(r);
            }
            return rows;
        } finally {
            Files.delete(file);
        }
    }

    static String raw(CsvRow row) {
        return new String(row.raw(), StandardCharsets.UTF_8);
    }

    @Test
    void quotedFieldsDoubledQuotesAndLineBreaksInsideQuotes() throws IOException {
        List<CsvRow> rows = read("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"x\r\ny\",,\"\"\r\nlast,row,here", ',', 3);
        assertThat(rows).extracting(CsvRow::fields).containsExactly(
                List.of("a", "b,1", "say \"hi\""),
                List.of("x\r\ny", "", ""),
                List.of("last", "row", "here"));
        assertThat(rows).extracting(CsvRow::line).containsExactly(1L, 2L, 4L);
        assertThat(rows).extracting(CsvRow::problem).containsOnlyNulls();
        assertThat(raw(rows.get(1))).isEqualTo("\"x\r\ny\",,\"\"");
        assertThat(raw(rows.get(0))).isEqualTo("a,\"b,1\",\"say \"\"hi\"\"\"");
    }

    @Test
    void everyLineBreakStyleAndATrailingDelimiter() throws IOException {
        assertThat(read("a;b\rc;\nd;e", ';', 2)).extracting(CsvRow::fields)
                .containsExactly(List.of("a", "b"), List.of("c", ""), List.of("d", "e"));
    }

    @Test
    void wrongFieldCountIsReportedWithItsLineAndKept() throws IOException {
        List<CsvRow> rows = read("a,b\n1,2,3\n4\n5,6\n", ',', 2);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).problem().text(CliText.of(Locale.ENGLISH))).contains("3 fields");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2).problem().text(CliText.of(Locale.ENGLISH))).contains("1 fields");
        assertThat(rows.get(3).problem()).isNull();
    }

    @Test
    void anUnclosedQuoteSwallowsNoRows() throws IOException {
        List<CsvRow> rows = read("1,\"Ana\n2,Luis\n3,Rosa\n", ',', 2);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).problem()).isEqualTo(CsvRow.Problem.UNCLOSED_QUOTE);
        assertThat(rows.get(0).fields()).containsExactly("1", "\"Ana");
        assertThat(rows.get(1).fields()).containsExactly("2", "Luis");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(1).problem()).isNull();
        assertThat(rows.get(2).fields()).containsExactly("3", "Rosa");
    }

    @Test
    void anUnclosedQuoteIsGivenUpAfterAHundredLines() throws IOException {
        StringBuilder sb = new StringBuilder("1,\"open\n");
        for (int i = 2; i <= 300; i++) {
            sb.append(i).append(",x\n");
        }
        List<CsvRow> rows = read(sb.toString(), ',', 2);
        assertThat(rows).hasSize(300);
        assertThat(rows.get(0).problem()).isEqualTo(CsvRow.Problem.UNCLOSED_QUOTE);
        assertThat(rows.get(299).fields()).containsExactly("300", "x");
    }

    @Test
    void strayQuotesAreKeptLeniently() throws IOException {
        assertThat(read("ab\"c,\"d\"e\n", ',', 2).get(0).fields()).containsExactly("ab\"c", "de");
    }

    @Test
    void linesLongerThanTheBufferAndCrLfSplitAcrossBuffers() throws IOException {
        for (int len = (1 << 16) - 3; len <= (1 << 16) + 2; len++) {
            String longField = "é".repeat(len / 2) + "x".repeat(len % 2);
            String text = "a," + longField + "\r\nb,c\r\n";
            List<CsvRow> rows = read(text, ',', 2);
            assertThat(rows).extracting(CsvRow::fields)
                    .containsExactly(List.of("a", longField), List.of("b", "c"));
            assertThat(rows.get(1).line()).isEqualTo(2);
        }
    }

    @Test
    void invalidUtf8IsReportedWithLineAndByteOffset() {
        byte[] bytes = "a,b\nP\u00e9rez,x\n".getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> read(bytes, StandardCharsets.UTF_8, ',', 2))
                .isInstanceOf(LenientCsvReader.InvalidUtf8.class)
                .hasMessage("invalid UTF-8 at line 2 (byte 5)");
    }

    @Test
    void aRealReplacementCharacterIsNotAnError() throws IOException {
        assertThat(read("a,\uFFFD\n", ',', 2).get(0).fields()).containsExactly("a", "\uFFFD");
    }

    @Test
    void writerQuotesOnlyWhenNeededAndRoundTrips() throws IOException {
        Random random = new Random(42);
        String alphabet = "ab,;\"\r\n é😀";
        for (int round = 0; round < 500; round++) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(4); r++) {
                List<String> row = new ArrayList<>();
                for (int f = 0; f < 3; f++) {
                    StringBuilder sb = new StringBuilder();
                    for (int c = random.nextInt(6); c > 0; c--) {
                        int i = random.nextInt(alphabet.length());
                        sb.append(Character.isSurrogate(alphabet.charAt(i)) ? "😀" : alphabet.charAt(i));
                    }
                    row.add(sb.toString());
                }
                rows.add(row);
            }
            char delimiter = random.nextBoolean() ? ',' : ';';
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Utf8Writer out = new Utf8Writer(bytes);
            CsvWriter writer = new CsvWriter(out, delimiter, "\r\n");
            for (List<String> row : rows) {
                writer.row(row);
            }
            out.flush();
            String text = bytes.toString(StandardCharsets.UTF_8);
            assertThat(read(bytes.toByteArray(), StandardCharsets.UTF_8, delimiter, 3))
                    .as(text).extracting(CsvRow::fields).containsExactlyElementsOf(rows);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer out = new Utf8Writer(bytes);
        new CsvWriter(out, ',', "\n").row(List.of("plain", "a,b", "say \"hi\"", "x;y"));
        out.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",x;y\n");
    }

    @Test
    void utf8WriterMatchesTheJdk() throws IOException {
        String s = "aé€😀\u0000z".repeat(20_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer out = new Utf8Writer(bytes);
        out.write(s);
        out.write('é');
        out.flush();
        assertThat(bytes.toByteArray()).isEqualTo((s + "é").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCellOverTheLimitKeepsItsBeginningAndTheRecordItsPlaceInTheFile() throws IOException {
        String longCell = "é".repeat(20) + "x";                         // 41 bytes, limit 23: cut inside an é
        String text = "id,name,email\n7,\"" + longCell + "\",ana@gmail.com\r\n8,Luis,luis@gmail.com\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<CsvRow> rows = read(bytes, StandardCharsets.UTF_8, ',', 3, 23, 0, 2);

        CsvRow big = rows.get(1);
        assertThat(big.streamed()).isTrue();
        assertThat(big.overLimit()).containsExactly(1);
        assertThat(big.fields()).containsExactly("7", null, "ana@gmail.com");    // only the kept cells
        assertThat(new String(bytes, (int) big.start(), (int) (big.end() - big.start()), StandardCharsets.UTF_8))
                .isEqualTo("7,\"" + longCell + "\",ana@gmail.com");
        assertThat(big.problem()).isNull();
        assertThat(rows.get(2).fields()).containsExactly("8", "Luis", "luis@gmail.com");
        assertThat(rows.get(2).line()).isEqualTo(3);
        assertThat(rows.get(2).streamed()).isFalse();

        // A kept cell over the limit keeps its first bytes, cut where a character starts.
        CsvRow kept = read(bytes, StandardCharsets.UTF_8, ',', 3, 23, 1).get(1);
        assertThat(kept.fields().get(1)).isEqualTo("é".repeat(11));
    }

    @Test
    void aRecordTooLongToKeepIsCopiedBackByteForByte() throws Exception {
        String record = "x".repeat(100) + ",\"" + "a;b\"\"c".repeat(50) + "\",ana@gmail.com";
        byte[] bytes = ("h1,h2,email\r\n" + record + "\r\nnext,row,x\r\n").getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(Files.createTempFile("csv-test", ".csv"), bytes);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CsvRow> rows = read(bytes, StandardCharsets.UTF_8, ',', 3, 64, 2);
            assertThat(rows.get(1).streamed()).isTrue();
            assertThat(rows.get(1).overLimit()).containsExactly(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Utf8Writer w = new Utf8Writer(out);
            CsvWriter.Source source = new CsvWriter.Source(in, StandardCharsets.UTF_8);
            CsvWriter csv = new CsvWriter(w, ',', "\r\n");
            for (CsvRow row : rows) {
                csv.raw(row, source);
                csv.endRow();
            }
            w.flush();
            assertThat(out.toByteArray()).isEqualTo(bytes);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void invalidUtf8PastTheCellLimitIsStillFound() throws IOException {
        byte[] bytes = ("a,b\n" + "x".repeat(100) + "\u00e9,y\n").getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> read(bytes, StandardCharsets.UTF_8, ',', 2, 16))
                .isInstanceOf(LenientCsvReader.InvalidUtf8.class)
                .hasMessage("invalid UTF-8 at line 2 (byte 104)");
        // Overlong forms, surrogates and truncated sequences are not UTF-8 either.
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {'a', (byte) 0xE2, (byte) 0x82}}) {
            assertThatThrownBy(() -> read(bad, StandardCharsets.UTF_8, ',', -1))
                    .isInstanceOf(LenientCsvReader.InvalidUtf8.class);
        }
        assertThat(read("€😀,ñ".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',', 2, 1 << 20).get(0)
                .fields()).containsExactly("€😀", "ñ");
    }

    @Test
    void delimiterDetectionFromTheHeaderLine() {
        assertThat(InputSniffer.detectDelimiter("id,name,email\r\n")).isEqualTo(',');
        assertThat(InputSniffer.detectDelimiter("id;Nombre;Correo electrónico\r\n")).isEqualTo(';');
        assertThat(InputSniffer.detectDelimiter("\"a;b;c\",d,e\n")).isEqualTo(',');
        assertThat(InputSniffer.terminatorOf("a,b\n")).isEqualTo("\n");
        assertThat(InputSniffer.terminatorOf("a,b\r\n")).isEqualTo("\r\n");
        assertThat(InputSniffer.terminatorOf("a,b")).isEqualTo("\r\n");
    }
}
