package io.github.customeremail.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
    private record Body(Runnable call, int operations) {
    }

    /** One timing: thread CPU nanoseconds and bytes allocated. */
    private record Timing(long cpuNanos, long bytes) {

        Timing plus(Timing other) {
            return new Timing(cpuNanos + other.cpuNanos, bytes + other.bytes);
        }
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

    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    /**
     * Every target by id, in the table's order; each is built, with its benchmarks' state set up, only in the JVM that
     * measures it.
     */
    private static final Map<String, Function<String, Target>> TARGETS = targets();

    private static Map<String, Function<String, Target>> targets() {
        Map<String, Function<String, Target>> targets = new LinkedHashMap<>();
        targets.put("1-bean", id -> bean(id, false));
        targets.put("1-bean-memo-on", id -> bean(id, true));
        targets.put("2a-long-tail", id -> peerTarget(id, "long tail, throughput vs `JMail.isValid`", true, 1.5,
                Corpus.LONG_TAIL_SIZE, PeerComparisonBenchmark::customerEmailCheckOfflineLongTailMemoOff,
                PeerComparisonBenchmark::jmailIsValidLongTail));
        targets.put("2b-typos-each-new", id -> {
            TypoCorrectorBenchmark t = new TypoCorrectorBenchmark();
            t.setUp();
            PeerComparisonBenchmark p = peers();
            return new Target(id, "`typosEachNew`, time vs `JMail.isValid`", false, 1.0,
                    new Body(() -> t.typosEachNewMemoOff(BLACKHOLE), TypoCorrectorBenchmark.DISTINCT),
                    new Body(() -> p.jmailIsValid(BLACKHOLE), Corpus.SIZE));
        });
        targets.put("3a-regular", id -> regular(id, false));
        targets.put("3a-regular-memo-on", id -> regular(id, true));
        targets.put("3c-suppression", id -> peerTarget(id, "100 000-entry suppression list ÷ none, time", false,
                1.1, Corpus.SIZE, PeerComparisonBenchmark::customerEmailCheckOfflineSuppressionList,
                PeerComparisonBenchmark::customerEmailCheckOfflineMemoOff));
        return Collections.unmodifiableMap(targets);
    }

    private static Target bean(String id, boolean memoOn) {
        BeanValidationBenchmark b = new BeanValidationBenchmark();
        b.setUp();
        Body ours = new Body(memoOn ? b::validCustomerEmail : b::validCustomerEmailMemoOff,
                BeanValidationBenchmark.SIZE);
        return new Target(id, "`validate(bean)` `@ValidCustomerEmail`" + (memoOn ? " (memo on)" : "")
                + " ÷ `@Email`, time", false, 1.0, ours, new Body(b::hibernateEmail, BeanValidationBenchmark.SIZE));
    }

    private static Target regular(String id, boolean memoOn) {
        return peerTarget(id, "regular corpus" + (memoOn ? " (memo on)" : "") + ", throughput vs `JMail.isValid`",
                true, 2.0, Corpus.SIZE, memoOn ? PeerComparisonBenchmark::customerEmailCheckOffline
                        : PeerComparisonBenchmark::customerEmailCheckOfflineMemoOff,
                PeerComparisonBenchmark::jmailIsValid);
    }

    /** A target of two benchmarks of one {@link PeerComparisonBenchmark} state, each over {@code operations}. */
    private static Target peerTarget(String id, String description, boolean throughput, double goal, int operations,
                                     BiConsumer<PeerComparisonBenchmark, Blackhole> measured,
                                     BiConsumer<PeerComparisonBenchmark, Blackhole> reference) {
        PeerComparisonBenchmark p = peers();
        return new Target(id, description, throughput, goal, new Body(() -> measured.accept(p, BLACKHOLE), operations),
                new Body(() -> reference.accept(p, BLACKHOLE), operations));
    }

    private static Target target(String id) {
        Function<String, Target> target = TARGETS.get(id);
        if (target == null) {
            throw new IllegalArgumentException("unknown target " + id + "; known: " + TARGETS.keySet());
        }
        return target.apply(id);
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
        for (String id : TARGETS.keySet()) {
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
            a.call().run();
            b.call().run();
        }
        int repeatA = repeats(a, mx);
        int repeatB = repeats(b, mx);
        double[] ratios = new double[rounds];
        double[] nsA = new double[rounds];
        double[] nsB = new double[rounds];
        double[] bytesA = new double[rounds];
        double[] bytesB = new double[rounds];
        double opsA = 2.0 * repeatA * a.operations();
        double opsB = 2.0 * repeatB * b.operations();
        for (int r = 0; r < rounds; r++) {
            // A B B A: a drift in the machine's speed during the round weighs on both alike.
            Timing firstA = time(a, repeatA, mx, thread);
            Timing bothB = time(b, repeatB, mx, thread).plus(time(b, repeatB, mx, thread));
            Timing bothA = firstA.plus(time(a, repeatA, mx, thread));
            nsA[r] = bothA.cpuNanos() / opsA;
            nsB[r] = bothB.cpuNanos() / opsB;
            bytesA[r] = bothA.bytes() / opsA;
            bytesB[r] = bothB.bytes() / opsB;
            ratios[r] = nsA[r] / nsB[r];
        }
        Arrays.sort(ratios);
        double median = target.shown(quantile(ratios, 0.5));
        double q1 = target.shown(quantile(ratios, 0.25));
        double q3 = target.shown(quantile(ratios, 0.75));
        double lo = target.shown(ratios[0]);
        double hi = target.shown(ratios[rounds - 1]);
        return String.format(Locale.ROOT,
                "| %s (`%s`) | %s | %s%.2f× | %.2f–%.2f× | %.2f–%.2f× | %.0f, %.0f | %.0f, %.0f |",
                target.description(), target.id(), target.goalText(), target.holds(median) ? "" : "**not held** ",
                median, Math.min(q1, q3), Math.max(q1, q3), Math.min(lo, hi), Math.max(lo, hi),
                median(nsA), median(nsB), median(bytesA), median(bytesB));
    }

    /** @return how many calls make one timing of about {@link #TIMING_NANOS} */
    private static int repeats(Body body, com.sun.management.ThreadMXBean mx) {
        long t0 = mx.getCurrentThreadCpuTime();
        body.call().run();
        long once = Math.max(1, mx.getCurrentThreadCpuTime() - t0);
        return (int) Math.max(1, Math.min(1_000, TIMING_NANOS / once));
    }

    /** Times {@code repeat} calls. */
    private static Timing time(Body body, int repeat, com.sun.management.ThreadMXBean mx, long thread) {
        long b0 = mx.getThreadAllocatedBytes(thread);
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < repeat; i++) {
            body.call().run();
        }
        long cpu = mx.getCurrentThreadCpuTime() - t0;
        return new Timing(cpu, mx.getThreadAllocatedBytes(thread) - b0);
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
