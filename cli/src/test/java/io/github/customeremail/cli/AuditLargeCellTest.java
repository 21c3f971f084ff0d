package io.github.customeremail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell larger than the whole Java heap: the audit runs in a JVM of its own with {@code -Xmx48m} over a file with a
 * 64 MB cell, and writes every original row back byte for byte.
 */
class AuditLargeCellTest {

    static final String HEAP = "-Xmx48m";
    static final long BIG_CELL = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void aCellLargerThanTheHeapStreamsThroughAndATooLongEmailGetsAClearResult() throws Exception {
        Path input = dir.resolve("contactos.csv");
        List<byte[]> prefixes = new ArrayList<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(input), 1 << 16)) {
            line(out, "id,name,email,comment");
            line(out, "__export__.res_partner_1,Ana,ana@gmail.com,corta");
            // A quoted cell with line-break-free text, doubled quotes, delimiters and accents, larger than the heap.
            out.write("__export__.res_partner_2,Luis,luis@gmial.com,\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "Nota \"\"larga\"\", con comas; y acentos: ñandú €. ".repeat(1000)
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < BIG_CELL; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"\n".getBytes(StandardCharsets.UTF_8));
            // An email cell of 2 MB: past the cell limit.
            out.write("__export__.res_partner_3,Rosa,".getBytes(StandardCharsets.UTF_8));
            out.write("rosa".repeat(512 * 1024).getBytes(StandardCharsets.UTF_8));
            line(out, "@gmail.com,x");
            line(out, "__export__.res_partner_4,Tomás,Tomas@Gmail.com,última");
        }

        Path err = dir.resolve("err.txt");
        Path stdout = dir.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "audit", "--dns", "off", "--lang", "en", "--format", "json",
                "--progress", "never", input.toString())
                .redirectError(err.toFile()).redirectOutput(stdout.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();

        List<String> added = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
             InputStream checked = new BufferedInputStream(Files.newInputStream(
                     dir.resolve("contactos.checked.csv")), 1 << 16)) {
            for (String a = sameLine(in, checked); a != null; a = sameLine(in, checked)) {
                added.add(a);
            }
        }
        assertThat(added).hasSize(5);
        assertThat(added.get(0)).startsWith(",email_verdict,");
        assertThat(added.get(1)).startsWith(",VALID,");
        assertThat(added.get(2)).startsWith(",SUGGEST,luis@gmail.com,");
        assertThat(added.get(3)).startsWith(",INVALID,,,TOO_LONG,");
        assertThat(added.get(4)).startsWith(",VALID,,tomas@gmail.com,");
        assertThat(Files.readString(dir.resolve("contactos.fixes.csv"), StandardCharsets.UTF_8)).isEqualTo(
                "id,email,needs_confirmation\n__export__.res_partner_2,luis@gmail.com,yes\n"
                + "__export__.res_partner_4,tomas@gmail.com,no\n");
        assertThat(Files.readString(stdout)).contains("\"rows\":4");
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads one line of the input and checks that the checked file's next line starts with exactly its bytes.
     *
     * @return what the checked line has after them (the added columns), or {@code null} at the end of the input
     */
    private static String sameLine(InputStream in, InputStream checked) throws IOException {
        int b = in.read();
        if (b < 0) {
            assertThat(checked.read()).as("the checked file has nothing more").isEqualTo(-1);
            return null;
        }
        long at = 0;
        for (; b != '\n'; b = in.read(), at++) {
            int c = checked.read();
            if (c != b) {
                assertThat(c).as("byte %d of a line", at).isEqualTo(b);
            }
        }
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        for (int c = checked.read(); c != '\n'; c = checked.read()) {
            assertThat(c).as("the checked line ends").isNotNegative();
            rest.write(c);
        }
        return rest.toString(StandardCharsets.UTF_8);
    }
}
