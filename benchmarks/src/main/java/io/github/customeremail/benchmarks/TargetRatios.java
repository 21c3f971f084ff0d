package io.github.customeremail.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 22's targets as <em>paired</em> ratios: each target's benchmark and its reference run in one JVM, in
 * alternating timings (A, B, B, A in every round), and the report is the median of the per-round ratios with their
 * spread. On this project's shared 2-core machines the speed of the same compiled code changes by up to a half for
 * seconds at a time (other tenants of the host, not the JIT: no compilation nor GC lines up with it), so a ratio of
 * two JMH forks run minutes apart moves with whichever phase each fork met; a ratio of two timings taken a few
 * milliseconds apart does not.
 *
 * <p>The measured bodies are the JMH benchmark methods themselves ({@link PeerComparisonBenchmark},
 * {@link TypoCorrectorBenchmark}, {@link BeanValidationBenchmark}), called on their own {@code @Setup} state, so
 * both ways of measuring run the same code over the same corpora. Each target runs in a JVM of its own, as in a
 * JMH fork: only its two bodies are compiled there. Times are thread CPU time; allocation is
 * {@code ThreadMXBean.getThreadAllocatedBytes}; both per address (per bean for the first target).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.customeremail.benchmarks.TargetRatios [rounds]</pre>
 */
public final class TargetRatios {

    /** Measured rounds per target unless given; each round is four timings of at least {@link #TIMING_NANOS}. */
    static final int DEFAULT_ROUNDS = 80;
    /** Warm-up per target, as JMH's 6 iterations of 2 s in {@code run.sh}. */
    static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(12);
    /** Each timing repeats its body until it lasts about this long: far above the CPU clock's resolution. */
    static final long TIMING_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private TargetRatios() {
    }

    /** A benchmark body and how many addresses (or beans) one call covers. */
    private record Body(Runnable run, int operations) {
    }

    /**
     * One target: {@code measured} against {@code reference}.
     *
     * @param throughput whether the goal is on throughput (reference time ÷ measured time, at least {@code goal})
     *                   rather than on time (measured ÷ reference, at most {@code goal})
     */
    private record Target(String id, String description, boolean throughput, double goal, Body measured,
                          Body reference) {

        double shown(double timeRatio) {
            return throughput ? 1.0 / timeRatio : timeRatio;
        }

        boolean holds(double shown) {
            return throughput ? shown >= goal : shown <= goal;
        }

        String goalText() {
            return (throughput ? "≥ " : "≤ ") + String.format(Locale.ROOT, "%.1f×", goal);
        }
    }

    /** The targets, built (with their benchmarks' state set up) only for the one asked for. */
    private static List<String> ids() {
        return List.of("1-bean", "1-bean-memo-on", "2a-long-tail", "2b-typos-each-new", "3a-regular",
                "3a-regular-memo-on", "3c-suppression");
    }

    private static Target target(String id) {
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        switch (id) {
            case "1-bean", "1-bean-memo-on" -> {
                BeanValidationBenchmark b = new BeanValidationBenchmark();
                b.setUp();
                boolean memoOn = id.endsWith("memo-on");
                Body ours = new Body(memoOn ? b::validCustomerEmail : b::validCustomerEmailMemoOff,
                        BeanValidationBenchmark.SIZE);
                return new Target(id, "`validate(bean)` `@ValidCustomerEmail`" + (memoOn ? " (memo on)" : "")
                        + " ÷ `@Email`, time", false, 1.0, ours,
                        new Body(b::hibernateEmail, BeanValidationBenchmark.SIZE));
            }
            case "2a-long-tail" -> {
                PeerComparisonBenchmark p = peers();
                return new Target(id, "long tail, throughput vs `JMail.isValid`", true, 1.5,
                        new Body(() -> p.customerEmailCheckOfflineLongTailMemoOff(bh), Corpus.LONG_TAIL_SIZE),
                        new Body(() -> p.jmailIsValidLongTail(bh), Corpus.LONG_TAIL_SIZE));
            }
            case "2b-typos-each-new" -> {
                TypoCorrectorBenchmark t = new TypoCorrectorBenchmark();
                t.setUp();
                PeerComparisonBenchmark p = peers();
                return new Target(id, "`typosEachNew`, time vs `JMail.isValid`", false, 1.0,
                        new Body(() -> t.typosEachNewMemoOff(bh), TypoCorrectorBenchmark.DISTINCT),
                        new Body(() -> p.jmailIsValid(bh), Corpus.SIZE));
            }
            case "3a-regular", "3a-regular-memo-on" -> {
                PeerComparisonBenchmark p = peers();
                boolean memoOn = id.endsWith("memo-on");
                Body ours = new Body(memoOn ? () -> p.customerEmailCheckOffline(bh)
                        : () -> p.customerEmailCheckOfflineMemoOff(bh), Corpus.SIZE);
                return new Target(id, "regular corpus" + (memoOn ? " (memo on)" : "")
                        + ", throughput vs `JMail.isValid`", true, 2.0, ours,
                        new Body(() -> p.jmailIsValid(bh), Corpus.SIZE));
            }
            case "3c-suppression" -> {
                PeerComparisonBenchmark p = peers();
                return new Target(id, "100 000-entry suppression list ÷ none, time", false, 1.1,
                        new Body(() -> p.customerEmailCheckOfflineSuppressionList(bh), Corpus.SIZE),
                        new Body(() -> p.customerEmailCheckOfflineMemoOff(bh), Corpus.SIZE));
            }
            default -> throw new IllegalArgumentException("unknown target " + id + "; known: " + ids());
        }
    }

    private static PeerComparisonBenchmark peers() {
        PeerComparisonBenchmark p = new PeerComparisonBenchmark();
        p.setUp();
        return p;
    }

    /**
     * {@code [rounds]}: every target, each in a child JVM, and the table; {@code --one <id> [rounds]}: one target in
     * this JVM, and its row.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length >= 2 && args[0].equals("--one")) {
            System.out.println(measure(target(args[1]), rounds(args, 2)));
            return;
        }
        int rounds = rounds(args, 0);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### Issue 22's targets, paired: median of %d rounds (A B B A, thread "
                + "CPU time), one JVM per target%n%n| target (typo memo off unless said) | goal | median | middle half "
                + "| all rounds | ns/op: ours, reference | B/op: ours, reference |%n"
                + "|---|---:|---:|---:|---:|---:|---:|%n", rounds));
        for (String id : ids()) {
            out.append(runChild(id, rounds)).append('\n');
        }
        System.out.print(out);
    }

    private static int rounds(String[] args, int at) {
        int rounds = args.length > at ? Integer.parseInt(args[at]) : DEFAULT_ROUNDS;
        if (rounds < 4) {
            throw new IllegalArgumentException("rounds must be at least 4 (quartiles of fewer say nothing): " + rounds);
        }
        return rounds;
    }

    /** Runs one target in a JVM of its own (a JMH fork's isolation) and returns its table row. */
    private static String runChild(String id, int rounds) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                TargetRatios.class.getName(), "--one", id, Integer.toString(rounds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String row;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            row = reader.lines().filter(line -> line.startsWith("| ")).reduce((a, b) -> b).orElse(null);
        }
        int exit = process.waitFor();
        if (exit != 0 || row == null) {
            throw new IllegalStateException("target " + id + " failed (exit " + exit + ")");
        }
        return row;
    }

    /** @return the target's Markdown table row */
    private static String measure(Target target, int rounds) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Body a = target.measured();
        Body b = target.reference();
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        while (System.nanoTime() < warmupEnd) {
            a.run().run();
            b.run().run();
        }
        int repeatA = repeats(a, mx);
        int repeatB = repeats(b, mx);
        double[] ratios = new double[rounds];
        double[] nsA = new double[rounds];
        double[] nsB = new double[rounds];
        double[] bytesA = new double[rounds];
        double[] bytesB = new double[rounds];
        long[] sample = new long[2];
        for (int r = 0; r < rounds; r++) {
            time(a, repeatA, mx, thread, sample);
            long cpuA = sample[0];
            long allocA = sample[1];
            time(b, repeatB, mx, thread, sample);
            long cpuB = sample[0];
            long allocB = sample[1];
            time(b, repeatB, mx, thread, sample);
            cpuB += sample[0];
            allocB += sample[1];
            time(a, repeatA, mx, thread, sample);
            cpuA += sample[0];
            allocA += sample[1];
            double opsA = 2.0 * repeatA * a.operations();
            double opsB = 2.0 * repeatB * b.operations();
            nsA[r] = cpuA / opsA;
            nsB[r] = cpuB / opsB;
            bytesA[r] = allocA / opsA;
            bytesB[r] = allocB / opsB;
            ratios[r] = nsA[r] / nsB[r];
        }
        Arrays.sort(ratios);
        double median = target.shown(quantile(ratios, 0.5));
        double q1 = target.shown(quantile(ratios, 0.25));
        double q3 = target.shown(quantile(ratios, 0.75));
        double lo = target.shown(ratios[0]);
        double hi = target.shown(ratios[rounds - 1]);
        return String.format(Locale.ROOT, "| %s (`%s`) | %s | %s%.2f× | %.2f–%.2f× | %.2f–%.2f× | %.0f, %.0f | %.0f, %.0f |",
                target.description(), target.id(), target.goalText(), target.holds(median) ? "" : "**not held** ",
                median, Math.min(q1, q3), Math.max(q1, q3), Math.min(lo, hi), Math.max(lo, hi),
                median(nsA), median(nsB), median(bytesA), median(bytesB));
    }

    /** @return how many calls make one timing of about {@link #TIMING_NANOS} */
    private static int repeats(Body body, com.sun.management.ThreadMXBean mx) {
        long t0 = mx.getCurrentThreadCpuTime();
        body.run().run();
        long once = Math.max(1, mx.getCurrentThreadCpuTime() - t0);
        return (int) Math.max(1, Math.min(1_000, TIMING_NANOS / once));
    }

    /** Times {@code repeat} calls: {@code sample[0]} the CPU nanoseconds, {@code sample[1]} the bytes allocated. */
    private static void time(Body body, int repeat, com.sun.management.ThreadMXBean mx, long thread, long[] sample) {
        long b0 = mx.getThreadAllocatedBytes(thread);
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < repeat; i++) {
            body.run().run();
        }
        sample[0] = mx.getCurrentThreadCpuTime() - t0;
        sample[1] = mx.getThreadAllocatedBytes(thread) - b0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    /** @return the {@code q} quantile of sorted values, interpolated between neighbours */
    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int i = (int) Math.floor(at);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (at - i) * (sorted[j] - sorted[i]);
    }
}
