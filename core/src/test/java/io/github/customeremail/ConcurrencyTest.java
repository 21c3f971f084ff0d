package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.customeremail.testing.Weighted;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * One {@link CustomerEmailValidator} (typo correction and policy defaults, plus a corporate domain) shared by 2, 4
 * and 8 threads gives, for every input of a fixed-seed corpus, exactly the result one thread gives: same verdict,
 * normalized address, suggestion and findings (code, severity, parameters).
 *
 * <p>Volume: the corpus has {@value #CORPUS_SIZE} inputs; it is checked once by one thread (the reference) and once
 * each by 2, 4 and 8 threads, so {@value #TOTAL_CHECKS} checks per run go through the shared validator. Nothing here
 * depends on timing: the threads take indices from a shared counter in whatever order the scheduler gives, and the
 * comparison is per index. The timeouts only turn a deadlock into a failure instead of a hang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {

    static final int CORPUS_SIZE = 250_000;
    static final int TOTAL_CHECKS = 4 * CORPUS_SIZE;
    static final long SEED = 0x5EED_C0FFEEL;
    /** Indices taken per grab from the shared counter: small, so threads interleave on the same kinds of input. */
    static final int CHUNK = 16;

    enum Kind { CLEAN, REPAIRABLE, TYPO, POLICY, INVALID }

    private static final CustomerEmailValidator VALIDATOR = CustomerEmailValidator.builder()
            .typoCorrection(true)
            .corporateDomain("tumatera.com")
            .build();

    private String[] corpus;
    private Kind[] kinds;
    private long[] reference;

    @BeforeAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void referenceRunOnOneThread() {
        Random random = new Random(SEED);
        corpus = new String[CORPUS_SIZE];
        kinds = new Kind[CORPUS_SIZE];
        for (int i = 0; i < CORPUS_SIZE; i++) {
            Kind kind = Kind.values()[Weighted.pick(random, 25, 20, 20, 15, 20)];
            kinds[i] = kind;
            corpus[i] = generate(kind, random);
        }
        long start = System.nanoTime();
        reference = new long[CORPUS_SIZE];
        for (int i = 0; i < CORPUS_SIZE; i++) {
            reference[i] = fingerprint(VALIDATOR.check(corpus[i]));
        }
        report("1 thread", start);
    }

    /** The corpus really mixes the five kinds and the verdicts they should give (else the comparison is weak). */
    @Test
    void theCorpusCoversEveryKindAndVerdict() {
        Map<Kind, Map<Verdict, Integer>> table = new EnumMap<>(Kind.class);
        Map<String, Integer> codes = new TreeMap<>();
        for (int i = 0; i < CORPUS_SIZE; i += 7) {
            EmailCheck c = VALIDATOR.check(corpus[i]);
            table.computeIfAbsent(kinds[i], k -> new EnumMap<>(Verdict.class)).merge(c.verdict(), 1, Integer::sum);
            for (Finding f : c.findings()) {
                codes.merge(f.code().id(), 1, Integer::sum);
            }
        }
        System.out.println("ConcurrencyTest corpus sample (every 7th): " + table);
        assertThat(table).containsKeys(Kind.values());
        assertThat(table.get(Kind.CLEAN)).containsKey(Verdict.VALID);
        assertThat(table.get(Kind.REPAIRABLE)).containsKey(Verdict.VALID);
        assertThat(table.get(Kind.TYPO)).containsKey(Verdict.SUGGEST);
        assertThat(table.get(Kind.POLICY)).containsKey(Verdict.INVALID);
        assertThat(table.get(Kind.INVALID)).containsKey(Verdict.INVALID);
        assertThat(codes).containsKeys("TRIMMED", "COMMA_IN_DOMAIN_REPLACED", "DISPLAY_NAME_REMOVED",
                "DOMAIN_TYPO", "LOOKALIKE_DOMAIN", "CORPORATE_DOMAIN", "DISPOSABLE_DOMAIN", "ROLE_ACCOUNT",
                "PROVIDER_MAILBOX_RULE", "CONTROL_CHARACTER", "TOO_LONG", "MISSING_AT", "TLD_UNKNOWN");
        assertThat(codes).doesNotContainKey("INTERNAL_ERROR");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoThreadsGiveTheSameResultsAsOne() throws Exception {
        assertSameAsReference(2);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fourThreadsGiveTheSameResultsAsOne() throws Exception {
        assertSameAsReference(4);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eightThreadsGiveTheSameResultsAsOne() throws Exception {
        assertSameAsReference(8);
    }

    private void assertSameAsReference(int threads) throws Exception {
        long[] results = new long[CORPUS_SIZE];
        boolean[] seen = new boolean[CORPUS_SIZE];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "concurrency-test-worker");
            t.setDaemon(true);
            return t;
        });
        long start;
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    int done = 0;
                    for (int from = next.getAndAdd(CHUNK); from < CORPUS_SIZE; from = next.getAndAdd(CHUNK)) {
                        for (int i = from; i < Math.min(CORPUS_SIZE, from + CHUNK); i++) {
                            results[i] = fingerprint(VALIDATOR.check(corpus[i]));
                            seen[i] = true;
                            done++;
                        }
                    }
                    return done;
                }));
            }
            start = System.nanoTime();
            go.countDown();
            int total = 0;
            for (Future<Integer> w : workers) {
                try {
                    total += w.get(100, TimeUnit.SECONDS); // happens-before: the arrays are visible after get
                } catch (TimeoutException e) {
                    fail("a worker did not finish within 100 s (deadlock or livelock?)");
                }
            }
            assertThat(total).isEqualTo(CORPUS_SIZE);
        } finally {
            pool.shutdownNow();
        }
        report(threads + " threads", start);

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < CORPUS_SIZE && mismatches.size() < 10; i++) {
            if (!seen[i]) {
                mismatches.add("#" + i + " never checked");
            } else if (results[i] != reference[i]) {
                mismatches.add("#" + i + " " + printable(corpus[i]) + ": one thread gave "
                        + describe(VALIDATOR.check(corpus[i])));
            }
        }
        assertThat(mismatches).as("results with %d threads that differ from one thread", threads).isEmpty();
    }

    private static void report(String what, long start) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("ConcurrencyTest: %s, %d checks in %d ms (%.1f µs/check)%n", what, CORPUS_SIZE, ms,
                ms * 1000.0 / CORPUS_SIZE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Result fingerprint

    /** Everything a caller switches on or shows, as one string. */
    static String describe(EmailCheck c) {
        StringBuilder s = new StringBuilder();
        s.append(c.verdict()).append('|').append(c.normalized().orElse("-")).append('|')
                .append(c.suggestion().map(Suggestion::address).orElse("-")).append('|')
                .append(c.suggestion().map(x -> Double.toString(x.confidence())).orElse("-"));
        for (Finding f : c.findings()) {
            s.append('|').append(f.code().id()).append(':').append(f.severity()).append(':')
                    .append(new TreeMap<>(f.parameters()));
        }
        return s.toString();
    }

    /** A 64-bit FNV-1a hash of {@link #describe}: one long per index keeps 10^6 results small. */
    static long fingerprint(EmailCheck c) {
        String s = describe(c);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < Math.min(s.length(), 120); i++) {
            char ch = s.charAt(i);
            b.append(ch < 0x20 || ch > 0x7e ? String.format("\\u%04X", (int) ch) : String.valueOf(ch));
        }
        return b.append(s.length() > 120 ? "…(" + s.length() + " chars)\"" : "\"").toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Corpus

    private static final String[] CLEAN_DOMAINS = {"gmail.com", "hotmail.com", "outlook.com", "yahoo.es",
        "yahoo.com.mx", "hotmail.com.ar", "une.net.co", "empresa.com.co", "correo.gob.mx", "telefonica.net",
        "proveedor.cl", "ejemplo.org"};
    private static final String[] FIRST = {"juan", "maria", "jose", "ana", "luis", "carmen", "pedro", "lucia",
        "andres", "sofia", "diego", "valentina"};
    private static final String[] LAST = {"perez", "gomez", "rodriguez", "lopez", "martinez", "garcia", "diaz",
        "torres", "ramirez", "castro"};
    private static final String[] TYPO_DOMAINS = {"gmial.com", "gmail.con", "gamil.com", "hotmial.com",
        "hotmail.co", "yaho.es", "outlok.com", "gmail.com.co", "gmailcom", "gmail", "hotmail.con", "yahooo.com",
        // look-alikes: Cyrillic а, е, о, р, с and Greek ο in place of Latin letters
        "gm\u0430il.com", "h\u043Etmail.com", "outl\u043Eok.com", "yah\u03BFo.es", "g\u043C\u0430il.com",
        "\u0440roton.me", "hotmail.\u0441om", "liv\u0435.com"};
    private static final String[] DISPOSABLE = {"mailinator.com", "guerrillamail.com", "10minutemail.com",
        "yopmail.com", "tempmail.com"};
    private static final String[] ROLES = {"info", "ventas", "facturacion", "contacto", "noreply", "admin"};

    static <T> T any(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    static String local(Random r) {
        String name = any(r, FIRST);
        return switch (r.nextInt(5)) {
            case 0 -> name;
            case 1 -> name + "." + any(r, LAST);
            case 2 -> name + r.nextInt(10_000);
            case 3 -> name.charAt(0) + any(r, LAST) + (1950 + r.nextInt(60));
            default -> name + "+" + any(r, LAST);
        };
    }

    static String generate(Kind kind, Random r) {
        String local = local(r);
        String domain = any(r, CLEAN_DOMAINS);
        return switch (kind) {
            case CLEAN -> local + "@" + domain;
            case REPAIRABLE -> switch (r.nextInt(10)) {
                case 0 -> "  " + capitalize(local) + "@" + domain.toUpperCase(java.util.Locale.ROOT) + " \n";
                case 1 -> "mailto:" + local + "@" + domain;
                case 2 -> capitalize(any(r, FIRST)) + " " + capitalize(any(r, LAST)) + " <" + local + "@" + domain + ">";
                case 3 -> local + "@" + domain.replace('.', ',');
                case 4 -> local + "\u200B@" + domain + "\uFEFF";
                case 5 -> local + "\uFF20" + domain; // fullwidth @
                case 6 -> "\"" + local + "@" + domain + "\";";
                case 7 -> local + " @ " + domain + ".";
                case 8 -> local + "@" + domain.replace(".", "..");
                default -> capitalize(local) + "@" + capitalize(domain);
            };
            case TYPO -> (r.nextInt(4) == 0 ? " " + capitalize(local) : local) + "@" + any(r, TYPO_DOMAINS);
            case POLICY -> switch (r.nextInt(6)) {
                case 0 -> local + "@tumatera.com";
                case 1 -> local + "@ventas.tumatera.com";
                case 2 -> local + "@" + any(r, DISPOSABLE);
                case 3 -> any(r, ROLES) + "@" + domain;
                case 4 -> any(r, FIRST) + "_" + any(r, LAST) + "@gmail.com"; // Gmail never has '_'
                default -> any(r, FIRST) + "\u00E9@" + domain; // non-ASCII local part
            };
            case INVALID -> switch (r.nextInt(14)) {
                case 0 -> local + domain;
                case 1 -> local + "@@" + domain;
                case 2 -> "@" + domain;
                case 3 -> local + "@";
                case 4 -> local + "\r\nBcc: x@" + domain;
                case 5 -> local + "\u0000@" + domain;
                case 6 -> "\"" + local + " x\"@" + domain;
                case 7 -> local + "@[10.0.0." + r.nextInt(256) + "]";
                case 8 -> local + "@" + "-" + domain;
                case 9 -> local + "@mail." + any(r, LAST) + ".zzqx";
                case 10 -> "x".repeat(65 + r.nextInt(40)) + "@" + domain;
                case 11 -> local.repeat(1 + CustomerEmailValidator.MAX_INPUT_LENGTH / local.length()) + "@" + domain;
                case 12 -> r.nextInt(50) == 0 ? null : "";
                default -> local + " " + any(r, LAST) + "@" + domain;
            };
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
