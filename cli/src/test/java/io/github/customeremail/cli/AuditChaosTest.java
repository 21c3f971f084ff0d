package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static io.github.customeremail.cli.AuditCommandTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input for {@code audit}: random bytes, truncated files, the wrong encoding, enormous lines. Whatever happens,
 * the input is never modified, no stack trace reaches the user, an error names the file (and the line where it can),
 * and either the job is done (exit 0, complete output) or nothing is left that looks like output (exit 1 or 2).
 */
class AuditChaosTest {

    @TempDir
    Path dir;

    private CliRun.Run audit(Path input) throws Exception {
        byte[] before = sha256(input);
        CliRun.Run r = run("audit", "--dns", "off", "--lang", "en", input.toString());
        assertThat(sha256(input)).as("input untouched").isEqualTo(before);
        assertThat(r.err()).as("no stack trace").doesNotContain("Exception", "\tat ");
        assertThat(r.status()).isIn(0, 1, 2);
        List<Path> left;
        try (Stream<Path> files = Files.list(dir)) {
            left = files.filter(p -> !p.equals(input)).toList();
        }
        if (r.status() == 0) {
            assertThat(left).as("complete output").extracting(p -> p.getFileName().toString())
                    .contains(input.getFileName().toString().replace(".csv", ".checked.csv"));
        } else {
            assertThat(left).as("nothing left pretending to be output after: %s", r.err()).isEmpty();
            assertThat(r.err()).contains("error:", input.toString());
        }
        assertThat(left).as("no temporary file left").noneMatch(p -> p.getFileName().toString().startsWith("."));
        return r;
    }

    /** @return 64 KiB of random bytes, the same for a seed */
    private static byte[] randomBytes(int seed) {
        byte[] junk = new byte[64 * 1024];
        new Random(seed).nextBytes(junk);
        return junk;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void randomBytesNeverCrashAndNeverLeavePartialOutput(int seed) throws Exception {
        byte[] junk = randomBytes(seed);
        Path input = dir.resolve("junk.csv");
        Files.write(input, junk);
        audit(input);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void randomBytesUnderAValidHeaderAreRowsReportedByLine(int seed) throws Exception {
        byte[] junk = randomBytes(seed);
        Path input = dir.resolve("rows.csv");
        byte[] header = "id,name,email\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + junk.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(junk, 0, all, header.length, junk.length);
        Files.write(input, all);
        CliRun.Run r = audit(input);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("line \\d+");
    }

    @Test
    void everyTruncationOfTheSampleIsAuditedWithoutLosingARow() throws Exception {
        byte[] sample;
        try (InputStream in = AuditCommandTest.class.getResourceAsStream(AuditCommandTest.SAMPLE)) {
            sample = in.readAllBytes();
        }
        int header = indexOf(sample, (byte) '\n') + 1;
        for (int cut = header + 1; cut < sample.length; cut += 37) {
            Path input = dir.resolve("cut.csv");
            Files.write(input, java.util.Arrays.copyOf(sample, cut));
            CliRun.Run r = audit(input);
            assertThat(r.status()).as("cut at %d: %s", cut, r.err()).isZero();
            Path checked = dir.resolve("cut.checked.csv");
            String out = Files.readString(checked, StandardCharsets.UTF_8);
            // The last (cut) row is still there, as written or marked MALFORMED: no row is dropped.
            String lastInputLine = lastLine(new String(sample, 0, cut, StandardCharsets.UTF_8));
            assertThat(out).as("cut at %d keeps its last line", cut).contains(firstField(lastInputLine));
            Files.delete(checked);
            Files.deleteIfExists(dir.resolve("cut.fixes.csv"));
        }
    }

    @Test
    void utf16IsRefusedWithAClearReason() throws Exception {
        Path input = dir.resolve("unicode.csv");
        Files.write(input, "\uFEFFid,name,email\n1,José,jose@gmail.com\n".getBytes(StandardCharsets.UTF_16LE));
        CliRun.Run r = audit(input);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("UTF-16", "CSV UTF-8");
    }

    @Test
    void garbageHeadersAreShownEscapedAndShort() throws Exception {
        Path input = dir.resolve("esc.csv");
        Files.write(input, ("id,\u001B]0;pwned\u0007name," + "x".repeat(5000) + "\n1,a,b\n")
                .getBytes(StandardCharsets.UTF_8));
        CliRun.Run r = audit(input);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\u001B", "\u0007").contains("\\u001B").hasSizeLessThan(1000);
    }

    @Test
    void anEnormousEmailCellIsTooLongAndTheRowIsKept() throws Exception {
        Path input = dir.resolve("long.csv");
        String huge = "a".repeat(32 * 1024 * 1024) + "@gmail.com";
        Files.writeString(input, "id,name,email\n1,Ana,ana@gmail.com\n2,Big," + huge + "\n3,Luis,luis.perez@gmail.com\n");
        CliRun.Run r = audit(input);
        assertThat(r.status()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("long.checked.csv"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).startsWith("2,Big,aaaa").contains(",INVALID,", "TOO_LONG");
        assertThat(rows.get(2).length()).isGreaterThan(huge.length());
        assertThat(rows.get(3)).startsWith("3,Luis,luis.perez@gmail.com,VALID");
    }

    @Test
    void typoDomainsAreCountedAsTypedEvenWhenTheTypoBreaksTheSyntax() throws Exception {
        Path input = dir.resolve("typos.csv");
        Files.writeString(input, "id,name,email\n1,Ana,ana@hotmail.con\n2,Luis,luis.perez@gmial.com\n"
                + "3,Eva,\"EVA@HOTMAIL,CON\"\n");
        CliRun.Run r = run("audit", "--dns", "off", "--format", "json", input.toString());
        assertThat(r.status()).as(r.err()).isZero();
        // The comma of HOTMAIL,CON is not repaired (a dot there is not certain: "con" is no TLD), so that row keeps
        // its own typed domain; both get the same suggestion.
        assertThat(r.out()).contains("{\"typed\":\"hotmail.con\",\"suggested\":\"hotmail.com\",\"count\":1}",
                "{\"typed\":\"hotmail,con\",\"suggested\":\"hotmail.com\",\"count\":1}",
                "{\"typed\":\"gmial.com\",\"suggested\":\"gmail.com\",\"count\":1}").doesNotContain("\"?\"");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String lastLine(String text) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return t.substring(t.lastIndexOf('\n') + 1);
    }

    private static String firstField(String line) {
        int comma = line.indexOf(',');
        String f = comma < 0 ? line : line.substring(0, comma);
        return f.replace("\"", "").strip();
    }
}
