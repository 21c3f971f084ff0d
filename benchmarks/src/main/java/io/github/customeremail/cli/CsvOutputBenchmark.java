package io.github.customeremail.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit's output path, per row of the checked file: the original record written back as read (its UTF-8 bytes)
 * plus the five added fields with a Spanish message. {@code utf8Writer}: the CLI's {@link Utf8Writer}, which copies
 * the record's bytes as they are; {@code jdkEncoder}: {@code BufferedWriter} over {@code OutputStreamWriter(UTF-8)},
 * which must turn the bytes into a {@code String} and encode them again. Decides whether the CLI keeps its own
 * encoder (it stays only while it beats the JDK's). In package {@code cli} of the benchmarks jar to reach the
 * package-private writer classes.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CsvOutput -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CsvOutputBenchmark {

    private static final int ROWS = 1024; // a power of two
    /** Every row is kept in memory: the input file is never read. */
    private static final CsvWriter.Source SOURCE = new CsvWriter.Source(null, StandardCharsets.UTF_8);

    private final List<CsvRow> rows = new ArrayList<>(ROWS);
    private final String[][] added = new String[ROWS][];
    private int next;
    private CsvWriter utf8;
    private CsvWriter jdk;

    @Setup
    public void setUp() {
        Random r = new Random(20_240_607L);
        String[] names = {"Juan Pérez", "María González", "José Fernández", "Lucía Ramírez", "Andrés Núñez",
            "Ferretería El Tornillo, S.A.", "Ana López", "Tomás Díaz"};
        String[] domains = {"gmail.com", "hotmail.com", "yahoo.com.ar", "empresa.com.co", "gmial.com"};
        for (int i = 0; i < ROWS; i++) {
            String name = names[r.nextInt(names.length)];
            String email = name.toLowerCase().replace(' ', '.').replaceAll("[^a-z.áéíóúñ]", "")
                    + "@" + domains[r.nextInt(domains.length)];
            String raw = "\"__export__.res_partner_" + i + "_a1b2c3\",\"" + name + "\",\"" + email
                    + "\",\"+54 11 4555-0" + i + "\",\"Bogotá\",\"Colombia\"";
            byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
            rows.add(new CsvRow(List.of(raw.split(",")), i + 2, null, bytes, 0, bytes.length, List.of(), null));
            added[i] = i % 10 == 0
                    ? new String[] {"SUGGEST", "juan@gmail.com", email, "DOMAIN_TYPO", "¿Quiso decir juan@gmail.com?"}
                    : new String[] {"VALID", "", email, "", ""};
        }
        OutputStream sink = OutputStream.nullOutputStream();
        utf8 = new CsvWriter(new Utf8Writer(sink), ',', "\r\n");
        jdk = new CsvWriter(new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16),
                ',', "\r\n");
    }

    private static void write(CsvWriter out, CsvRow row, String[] fields) throws IOException {
        out.raw(row, SOURCE);
        for (String f : fields) {
            out.field(f, false);
        }
        out.endRow();
    }

    @Benchmark
    public void utf8Writer() throws IOException {
        int i = next++ & (ROWS - 1);
        write(utf8, rows.get(i), added[i]);
    }

    @Benchmark
    public void jdkEncoder() throws IOException {
        int i = next++ & (ROWS - 1);
        write(jdk, rows.get(i), added[i]);
    }
}
