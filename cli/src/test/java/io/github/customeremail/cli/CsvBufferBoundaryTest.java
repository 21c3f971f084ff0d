package io.github.customeremail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The reader copies the bytes between a record's delimiters, quotes and line breaks as runs: wherever a read from
 * the file ends (a quote, CR, LF, delimiter, invalid byte or multi-byte character split across two reads, a cell or
 * record exactly at the limit), the rows, their positions and the errors are the same.
 */
class CsvBufferBoundaryTest {

    private static final int BUFFER = LenientCsvReader.BUFFER_SIZE;

    /** Pieces of sloppy CSV: structure, ASCII, 2-, 3- and 4-byte characters, invalid and truncated UTF-8. */
    private static final List<byte[]> PIECES = List.of(bytes("a"), bytes("bc"), bytes(","), bytes(";"),
            bytes("\""), bytes("\"\""), bytes("\r"), bytes("\n"), bytes("\r\n"), bytes("é"), bytes("€"),
            bytes("😀"), new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xE9});

    @Provide
    Arbitrary<byte[]> csv() {
        return Arbitraries.of(PIECES).list().ofMaxSize(80).map(CsvBufferBoundaryTest::concat);
    }

    @Property(tries = 400)
    void sameRowsWhateverTheReadSize(@ForAll("csv") byte[] input, @ForAll @IntRange(min = 1, max = 9) int bufferSize,
                                     @ForAll @IntRange(min = 1, max = 12) int cellLimit, @ForAll boolean utf8,
                                     @ForAll boolean keepAll) throws IOException {
        Charset charset = utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        int[] keep = keepAll ? new int[] {0, 1, 2} : new int[] {1};
        assertThat(outcome(input, charset, cellLimit, bufferSize, keep))
                .isEqualTo(outcome(input, charset, cellLimit, BUFFER, keep));
        assertThat(outcome(input, charset, 1 << 20, bufferSize, keep))
                .isEqualTo(outcome(input, charset, 1 << 20, BUFFER, keep));
    }

    @Test
    void aStructuralByteOrACharacterAtTheEndOfARead() throws IOException {
        List<String> inQuotes = List.of("\"\"", ",", "\r", "\n", "\r\n", "é", "€", "😀", "x");
        List<String> unquoted = List.of("\"", "\"\"", ",", "\r", "\n", "\r\n", "é", "€", "😀", "x");
        for (boolean quoted : new boolean[] {true, false}) {
            for (String piece : quoted ? inQuotes : unquoted) {
                for (int shift = -3; shift <= 1; shift++) {
                    // The piece starts at BUFFER + shift: before, on or after the end of the first read.
                    String first = (quoted ? "1,\"" : "1,x") + "x".repeat(BUFFER + shift - 3);
                    byte[] input = bytes(first + piece + (quoted ? "\"" : "") + ",ok\r\n2,\"z\",ok\n");
                    List<String> byBytes = outcome(input, StandardCharsets.UTF_8, 1 << 20, 1, 0, 1, 2);
                    assertThat(outcome(input, StandardCharsets.UTF_8, 1 << 20, BUFFER, 0, 1, 2))
                            .as("piece %s at %d", piece, shift).isEqualTo(byBytes);
                    long lineBreaks = piece.chars().filter(c -> c == '\n' || c == '\r').count()
                            - (piece.contains("\r\n") ? 1 : 0);
                    assertThat(byBytes).last().isEqualTo("[2, z, ok] line " + (2 + lineBreaks) + " null "
                            + HexFormat.of().formatHex(bytes("2,\"z\",ok")) + " overLimit []");
                }
            }
        }
    }

    @Test
    void invalidUtf8AtTheEndOfAReadIsFoundAtItsOffset() throws IOException {
        for (int at = BUFFER - 3; at <= BUFFER + 1; at++) {
            for (byte[] bad : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 'a'},
                    new byte[] {(byte) 0xE2, (byte) 0x82, '"'}, new byte[] {(byte) 0xF0, (byte) 0x9F, '\n'})) {
                byte[] input = concat(List.of(bytes("a,\"" + "x".repeat(at - 3)), bad, bytes("\"\n")));
                assertThat(outcome(input, StandardCharsets.UTF_8, 1 << 20, BUFFER))
                        .containsExactly("invalid UTF-8 at line 1 (byte " + at + ")");
            }
        }
    }

    @Test
    void aCellOrRecordExactlyAtTheLimitIsKeptAndOneByteMoreIsCut() throws IOException {
        int limit = BUFFER + 5;         // the runs that reach the limit span two reads
        CsvRow atLimit = rows(bytes("1," + text(limit - 2) + "\n"), limit).get(0);
        assertThat(atLimit.streamed()).isFalse();
        assertThat(atLimit.raw()).hasSize(limit);
        assertThat(atLimit.overLimit()).isEmpty();

        CsvRow oneMore = rows(bytes("12," + text(limit - 2) + "\n"), limit).get(0);
        assertThat(oneMore.streamed()).isTrue();
        assertThat(oneMore.fields()).containsExactly("12", text(limit - 2));        // both are cells to keep
        assertThat(oneMore.overLimit()).isEmpty();
        assertThat(oneMore.end()).isEqualTo(limit + 1);

        CsvRow cellAtLimit = rows(bytes("\"" + text(limit) + "\"\n"), limit).get(0);
        assertThat(cellAtLimit.fields()).containsExactly(text(limit));
        assertThat(cellAtLimit.overLimit()).isEmpty();
        CsvRow cellOver = rows(bytes("\"" + text(limit) + "é\"\n"), limit).get(0);
        assertThat(cellOver.fields()).containsExactly(text(limit));                 // cut before the é
        assertThat(cellOver.overLimit()).containsExactly(0);
    }

    @Test
    void anUnclosedQuoteIsGivenUpAtTheSameByteWhateverTheReadSize() throws IOException {
        // A quoted field over two lines that passes MAX_RECORD_BYTES: read again with the quote taken literally.
        byte[] input = bytes("1,\"open\r\n" + "é".repeat(LenientCsvReader.MAX_RECORD_BYTES / 2 + 10)
                + "\n2,done\n");
        List<String> whole = outcome(input, StandardCharsets.UTF_8, 1 << 20, BUFFER, 0, 1, 2);
        assertThat(whole).hasSize(3);
        assertThat(whole.get(0)).startsWith("[1, \"open] line 1 " + CsvRow.Problem.UNCLOSED_QUOTE);
        assertThat(whole.get(2)).startsWith("[2, done] line 3 ");
        assertThat(outcome(input, StandardCharsets.UTF_8, 1 << 20, 4093, 0, 1, 2)).isEqualTo(whole);
        assertThat(outcome(input, StandardCharsets.UTF_8, 1 << 20, 1, 0, 1, 2)).isEqualTo(whole);
    }

    /** The rows as text (fields, line, problem, raw bytes, position, cells over the limit), or the error. */
    private static List<String> outcome(byte[] input, Charset charset, int cellLimit, int bufferSize, int... keep)
            throws IOException {
        List<String> out = new ArrayList<>();
        try {
            for (CsvRow row : rows(input, charset, cellLimit, bufferSize, keep)) {
                out.add(row.fields() + " line " + row.line() + " " + row.problem() + " "
                        + (row.streamed() ? "streamed " + row.start() + "-" + row.end()
                        : HexFormat.of().formatHex(row.raw())) + " overLimit " + row.overLimit());
            }
        } catch (LenientCsvReader.InvalidUtf8 e) {
            out.add(e.getMessage());
        }
        return out;
    }

    private static List<CsvRow> rows(byte[] input, int cellLimit) throws IOException {
        return rows(input, StandardCharsets.UTF_8, cellLimit, BUFFER, 0, 1, 2);
    }

    private static List<CsvRow> rows(byte[] input, Charset charset, int cellLimit, int bufferSize, int... keep)
            throws IOException {
        return CsvTest.readInReadsOf(bufferSize, input, charset, ',', 3, cellLimit, keep);
    }

    /** @return text of {@code n} bytes in UTF-8, mostly 2-byte characters */
    private static String text(int n) {
        return "é".repeat(n / 2) + "x".repeat(n % 2);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
