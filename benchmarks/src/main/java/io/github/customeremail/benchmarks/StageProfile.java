package io.github.customeremail.benchmarks;

import com.sanctionco.jmail.JMail;
import io.github.customeremail.AddressParser;
import io.github.customeremail.BenchmarkHooks;
import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.Normalizer;
import io.github.customeremail.ProviderRuleMode;
import io.github.customeremail.RuleMode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a VALID check spends its time and its allocation, stage by stage and policy rule by policy rule, over the
 * VALID category of the {@link Corpus}; {@code JMail.isValid} over the same addresses is the reference.
 *
 * <p>Complements the JMH suite on a shared, noisy machine: every variant runs in the same JVM, interleaved round
 * by round (so a burst of load from other processes hits all of them alike), timed by <em>thread CPU time</em>
 * (time spent descheduled does not count) and reported as the median over the rounds. Allocation is measured with
 * {@code ThreadMXBean.getThreadAllocatedBytes}, after JIT warm-up, which also cross-checks JMH's
 * {@code gc.alloc.rate.norm}.
 *
 * <p>Besides the VALID category it reports the whole corpus and each of its categories (against JMail over the
 * same inputs), the typo
 * corrector on known and on unknown domains (with and without it), new mistyped provider domains with the
 * corrector's memo off (its whole search each time), and two single clean addresses, one at a known provider and
 * one at an unknown company domain.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.customeremail.benchmarks.StageProfile [rounds]</pre>
 */
public final class StageProfile {

    private StageProfile() {
    }

    /** One measured variant: a function over one set of inputs, compared with JMail.isValid over the same set. */
    private record Variant(String name, String[] inputs, Function<String, Object> f, String reference) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String[] valid = Corpus.inputs(Corpus.Category.VALID);
        String[] all = Corpus.inputs();
        // The typo corrector's cost on its two paths, isolated by comparing with typoCorrection(false): a known
        // domain (one hash lookup) and an unknown company domain (the whole search, finding nothing: each domain
        // is new, more of them than the corrector remembers).
        String[] known = repeat(TypoCorrectorBenchmark.KNOWN, 100);
        String[] unknown = Corpus.distinctCompanyAddresses(TypoCorrectorBenchmark.DISTINCT);
        String[] typos = Corpus.distinctTypoAddresses(TypoCorrectorBenchmark.DISTINCT);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        CustomerEmailValidator defaults = CustomerEmailValidator.builder().build();
        CustomerEmailValidator noTypos = CustomerEmailValidator.builder().typoCorrection(false).build();
        CustomerEmailValidator memoOff = BenchmarkHooks.withoutTypoMemo(CustomerEmailValidator.builder()).build();
        CustomerEmailValidator noPolicy = CustomerEmailValidator.builder().disposableDomainCheck(false)
                .roleAccounts(RuleMode.OFF).providerRules(ProviderRuleMode.OFF).nonAsciiLocalPart(RuleMode.OFF).build();
        String jmailValid = "JMail.isValid (reference)";
        String jmailAll = "JMail.isValid, whole corpus";
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(jmailValid, valid, JMail::isValid, jmailValid));
        variants.add(new Variant("Normalizer.standard().normalize", valid, Normalizer.standard()::normalize,
                jmailValid));
        variants.add(new Variant("AddressParser.strict().parse", valid, AddressParser.strict()::parse, jmailValid));
        variants.add(new Variant("checkOffline, every policy rule off", valid, noPolicy::checkOffline, jmailValid));
        variants.add(new Variant("  + non-ASCII local-part rule only", valid, CustomerEmailValidator.builder()
                .disposableDomainCheck(false).roleAccounts(RuleMode.OFF).providerRules(ProviderRuleMode.OFF).build()
                ::checkOffline, jmailValid));
        variants.add(new Variant("  + role-account rule only", valid, CustomerEmailValidator.builder()
                .disposableDomainCheck(false).providerRules(ProviderRuleMode.OFF).nonAsciiLocalPart(RuleMode.OFF)
                .build()::checkOffline, jmailValid));
        variants.add(new Variant("  + provider mailbox rules only", valid, CustomerEmailValidator.builder()
                .disposableDomainCheck(false).roleAccounts(RuleMode.OFF).nonAsciiLocalPart(RuleMode.OFF).build()
                ::checkOffline, jmailValid));
        variants.add(new Variant("  + disposable-domain rule only", valid, CustomerEmailValidator.builder()
                .roleAccounts(RuleMode.OFF).providerRules(ProviderRuleMode.OFF).nonAsciiLocalPart(RuleMode.OFF)
                .build()::checkOffline, jmailValid));
        variants.add(new Variant("checkOffline, defaults", valid, defaults::checkOffline, jmailValid));
        variants.add(new Variant(jmailAll, all, JMail::isValid, jmailAll));
        variants.add(new Variant("checkOffline, defaults, whole corpus", all, defaults::checkOffline, jmailAll));
        // Per category: where the whole corpus loses time against JMail (a typo costs several VALID checks).
        for (Corpus.Category category : Corpus.Category.values()) {
            String[] inputs = Corpus.inputs(category);
            String jmail = "JMail.isValid, " + category;
            variants.add(new Variant(jmail, inputs, JMail::isValid, jmail));
            variants.add(new Variant("checkOffline, defaults, " + category, inputs, defaults::checkOffline, jmail));
        }
        variants.add(new Variant("checkOffline, known domains (TypoCorrectorBenchmark.KNOWN)", known,
                defaults::checkOffline, jmailValid));
        variants.add(new Variant("  same, typoCorrection(false)", known, noTypos::checkOffline, jmailValid));
        variants.add(new Variant("checkOffline, unknown domains, each new (Corpus.distinctCompanyAddresses)", unknown,
                defaults::checkOffline, jmailValid));
        variants.add(new Variant("  same, typoCorrection(false)", unknown, noTypos::checkOffline, jmailValid));
        // A new mistyped provider domain each time, the corrector's memo off: its whole search for a typo (issue
        // 22's typosEachNewMemoOff), against JMail over the same addresses.
        String jmailTypos = "JMail.isValid, mistyped provider domains";
        variants.add(new Variant(jmailTypos, typos, JMail::isValid, jmailTypos));
        variants.add(new Variant("checkOffline, typo memo off, mistyped provider domains, each new "
                + "(Corpus.distinctTypoAddresses)", typos, memoOff::checkOffline, jmailTypos));
        variants.add(new Variant("checkOffline juan.perez@gmail.com", repeat(new String[] {"juan.perez@gmail.com"}, 800),
                defaults::checkOffline, jmailValid));
        variants.add(new Variant("checkOffline ventas@ferreteria-andina.com.co",
                repeat(new String[] {"ventas@ferreteria-andina.com.co"}, 800), defaults::checkOffline, jmailValid));

        int n = variants.size();
        long[][] cpu = new long[n][rounds];
        long[][] bytes = new long[n][rounds];
        Object sink = null;
        int warmup = Math.max(10, rounds / 3);
        for (int round = -warmup; round < rounds; round++) {
            for (int v = 0; v < n; v++) {
                Function<String, Object> f = variants.get(v).f();
                String[] inputs = variants.get(v).inputs();
                long b0 = mx.getThreadAllocatedBytes(thread);
                long t0 = mx.getCurrentThreadCpuTime();
                for (String s : inputs) {
                    sink = f.apply(s);
                }
                long t1 = mx.getCurrentThreadCpuTime();
                long b1 = mx.getThreadAllocatedBytes(thread);
                if (round >= 0) {
                    cpu[v][round] = t1 - t0;
                    bytes[v][round] = b1 - b0;
                }
            }
        }
        if (sink == null) {
            throw new AssertionError();
        }

        Map<String, Double> nsByName = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### Stage profile: %d VALID addresses (%d in the whole corpus), median "
                + "of %d interleaved rounds (thread CPU time)%n%n| variant | CPU ns/address | vs JMail.isValid | "
                + "B/address |%n|---|---:|---:|---:|%n", valid.length, all.length, rounds));
        for (int v = 0; v < n; v++) {
            Variant variant = variants.get(v);
            double ns = median(cpu[v]) / variant.inputs().length;
            double b = median(bytes[v]) / variant.inputs().length;
            nsByName.putIfAbsent(variant.name(), ns);
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f× | %.0f |%n",
                    variant.name().replace("  + ", "… + ").replace("  same", "… same"), ns,
                    ns / nsByName.get(variant.reference()), b));
        }
        System.out.print(out);
    }

    private static String[] repeat(String[] values, int times) {
        String[] out = new String[values.length * times];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }
}
