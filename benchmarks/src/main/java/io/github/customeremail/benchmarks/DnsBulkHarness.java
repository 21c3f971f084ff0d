package io.github.customeremail.benchmarks;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.Verdict;
import io.github.customeremail.cli.Main;
import io.github.customeremail.dns.DnsMailDomainChecker;
import io.github.customeremail.dns.testing.BulkZone;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.ProcessSockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DNS on, in bulk (issue 22 target 5, issue 15's figures): {@code audit} and the checker as the audit uses it, over
 * rows whose distinct domains are served by the in-process {@link LoopbackDnsServer} on 127.0.0.1 with a realistic
 * delay per answer. Prints a Markdown report: wall time, rows/s, queries counted at the server (total, distinct
 * name and type, the most for one name and type), the peak of UDP sockets open in this JVM, and UNKNOWN rows.
 * Not a JMH benchmark (one audit is one measurement of many seconds) and not run in CI:
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.customeremail.benchmarks.DnsBulkHarness [ROWS] [DOMAINS]
 * </pre>
 *
 * Scenarios: the audit without DNS (its own cost); a healthy audit at 20–50 ms per answer, with the former window
 * ({@code --dns-parallel 16}) and the default; the same rows through the checker with 4…64 domains in flight; the
 * audit with 5 % of the domains silent (their MX question is never answered); uniform 300 ms and 600 ms per answer
 * (5 000 rows over 500 domains; 600 ms also with {@code --dns-parallel 16}). Wall times depend on the machine's
 * load: the report prints the load average beside them.
 */
public final class DnsBulkHarness {

    static final Duration DEADLINE = Duration.ofSeconds(2); // the checker's default, which the audit uses
    static final Pattern UNKNOWN = Pattern.compile("\"UNKNOWN\":(\\d+)");

    private DnsBulkHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int domains = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dir = Files.createTempDirectory("dns-bulk-harness");
        try {
            System.out.printf("# DNS in bulk: %d rows over %d domains, loopback responder, deadline %d ms%n%n",
                    rows, domains, DEADLINE.toMillis());
            System.out.println("| scenario | wall s | rows/s | UNKNOWN rows | queries | distinct name+type "
                    + "| most for one name+type | peak UDP sockets | load |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            Path csv = writeRows(dir.resolve("rows.csv"), rows, domains);
            auditRun("audit, --dns off (no DNS: the audit's own cost)", csv, domains, Duration.ZERO, Duration.ZERO,
                    0, rows, true, 0);
            auditRun("audit, 20–50 ms, --dns-parallel 16 (48 slots: the former window)", csv, domains,
                    Duration.ofMillis(20), Duration.ofMillis(50), 0, rows, false, 16);
            auditRun("audit, 20–50 ms (default: 64 domains, 192 slots)", csv, domains, Duration.ofMillis(20),
                    Duration.ofMillis(50), 0, rows);
            for (int inFlight : new int[] {4, 8, 16, 32, 64}) {
                checkerRun("checker, " + inFlight + " domains in flight, 20–50 ms", rows, domains, inFlight);
            }
            auditRun("audit, 5 % domains silent, 20–50 ms", csv, domains, Duration.ofMillis(20),
                    Duration.ofMillis(50), 0.05, rows);
            Path small = writeRows(dir.resolve("small.csv"), 5_000, 500);
            auditRun("audit 5 000 rows / 500 domains, 300 ms", small, 500, Duration.ofMillis(300),
                    Duration.ofMillis(300), 0, 5_000);
            auditRun("audit 5 000 rows / 500 domains, 600 ms", small, 500, Duration.ofMillis(600),
                    Duration.ofMillis(600), 0, 5_000);
            auditRun("audit 5 000 rows / 500 domains, 600 ms, --dns-parallel 16", small, 500,
                    Duration.ofMillis(600), Duration.ofMillis(600), 0, 5_000, false, 16);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An Odoo-like export: id, name, email; row r is at domain {@code order[r % domains]}, a fixed shuffle. */
    static Path writeRows(Path file, int rows, int domains) throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < domains; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(20_240_607L));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\"id\",\"name\",\"email\"\r\n");
            for (int r = 0; r < rows; r++) {
                w.write("\"__export__.res_partner_" + r + "\",\"Cliente " + r + "\",\"cliente" + r + "@"
                        + domainName(order.get(r % domains)) + "\"\r\n");
            }
        }
        return file;
    }

    static String domainName(int i) {
        return "cliente" + i + ".com.ar";
    }

    /** Serves the zone; {@code silentShare} of the domains (a fixed choice) never answer their MX question. */
    static LoopbackDnsServer server(int domains, Duration min, Duration max, double silentShare) throws IOException {
        LoopbackDnsServer dns = LoopbackDnsServer.start();
        BulkZone.serve(dns, domains);
        dns.latency(min, max);
        Random random = new Random(7);
        for (int i = 0; i < domains; i++) {
            if (random.nextDouble() < silentShare) {
                dns.fault(domainName(i), LoopbackDnsServer.Fault.drop());
            }
        }
        return dns;
    }

    static void auditRun(String label, Path csv, int domains, Duration min, Duration max, double silentShare,
                         int rows) throws Exception {
        auditRun(label, csv, domains, min, max, silentShare, rows, false, 0);
    }

    /** @param dnsParallel the audit's {@code --dns-parallel}, or 0 for its default */
    static void auditRun(String label, Path csv, int domains, Duration min, Duration max, double silentShare,
                         int rows, boolean dnsOff, int dnsParallel) throws Exception {
        try (LoopbackDnsServer dns = server(domains, min, max, silentShare);
             SocketSampler sockets = SocketSampler.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            long start = System.nanoTime();
            int status;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                List<String> args = new ArrayList<>(List.of("audit", "--dns", dnsOff ? "off" : "127.0.0.1:" + dns.port(),
                        "--format", "json", "--progress", "never", "--out", csv.resolveSibling("out.csv").toString()));
                if (dnsParallel > 0) {
                    args.addAll(List.of("--dns-parallel", Integer.toString(dnsParallel)));
                }
                args.add(csv.toString());
                status = Main.run(args.toArray(String[]::new));
            } finally {
                System.setOut(stdout);
            }
            long nanos = System.nanoTime() - start;
            String summary = out.toString(StandardCharsets.UTF_8);
            if (status != 0) {
                throw new IllegalStateException("audit exited " + status + ": " + summary);
            }
            Matcher m = UNKNOWN.matcher(summary);
            report(label, nanos, rows, m.find() ? Integer.parseInt(m.group(1)) : -1, dns, sockets.peak());
        }
    }

    /** The rows through the validator as the audit streams them: at most {@code inFlight} new domains at once. */
    static void checkerRun(String label, int rows, int domains, int inFlight) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < domains; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(20_240_607L));
        try (LoopbackDnsServer dns = server(domains, Duration.ofMillis(20), Duration.ofMillis(50), 0);
             SocketSampler sockets = SocketSampler.start();
             CustomerEmailValidator validator = CustomerEmailValidator.builder()
                     .mailDomainChecker(DnsMailDomainChecker.builder().server("127.0.0.1", dns.port())
                             .maxConcurrentLookups(Math.max(64, 3 * inFlight)).build())
                     .build()) {
            Semaphore slots = new Semaphore(inFlight);
            Map<String, CompletableFuture<EmailCheck>> pending = new HashMap<>();
            List<CompletableFuture<EmailCheck>> all = new ArrayList<>(rows);
            long start = System.nanoTime();
            for (int r = 0; r < rows; r++) {
                String domain = domainName(order.get(r % domains));
                CompletableFuture<EmailCheck> f = validator.checkAsync("cliente" + r + "@" + domain);
                if (!f.isDone() && pending.putIfAbsent(domain, f) == null) {
                    slots.acquire();
                    f.whenComplete((c, e) -> slots.release());
                }
                all.add(f);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            long nanos = System.nanoTime() - start;
            AtomicInteger unknown = new AtomicInteger();
            all.forEach(f -> {
                if (f.join().verdict() == Verdict.UNKNOWN) {
                    unknown.incrementAndGet();
                }
            });
            report(label, nanos, rows, unknown.get(), dns, sockets.peak());
        }
    }

    static void report(String label, long nanos, int rows, int unknown, LoopbackDnsServer dns, int sockets)
            throws IOException {
        Map<String, Integer> counts = dns.queryCounts();
        Map.Entry<String, Integer> most = counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElse(Map.entry("-", 0));
        double seconds = nanos / 1e9;
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        System.out.printf("| %s | %.1f | %.0f | %d | %d | %d | %d (%s) | %d | %s |%n", label, seconds, rows / seconds,
                unknown, dns.totalQueries(), counts.size(), most.getValue(), most.getKey(), sockets, load);
    }

    /** Samples the number of sockets this JVM has open (Linux {@code /proc/self/fd}) every 5 ms. */
    static final class SocketSampler implements AutoCloseable {
        private final Thread thread;
        private final int baseline;
        private volatile int peak;
        private volatile boolean running = true;

        private SocketSampler() {
            this.baseline = ProcessSockets.open();
            this.thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, ProcessSockets.open() - baseline);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "socket-sampler");
            thread.setDaemon(true);
        }

        static SocketSampler start() {
            SocketSampler s = new SocketSampler();
            s.thread.start();
            return s;
        }

        int peak() {
            return peak;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
