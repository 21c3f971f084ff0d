package io.github.customeremail.benchmarks;

import com.sanctionco.jmail.JMail;
import io.github.customeremail.AddressParser;
import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.Normalizer;
import io.github.customeremail.ProviderRuleMode;
import io.github.customeremail.RuleMode;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.customeremail.benchmarks.StageProfile [rounds]</pre>
 */
public final class StageProfile {

    private StageProfile() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String[] valid = Corpus.inputs(Corpus.Category.VALID);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        CustomerEmailValidator noPolicy = CustomerEmailValidator.builder().disposableDomainCheck(false)
                .roleAccounts(RuleMode.OFF).providerRules(ProviderRuleMode.OFF).nonAsciiLocalPart(RuleMode.OFF).build();
        Map<String, Function<String, Object>> variants = new LinkedHashMap<>();
        variants.put("JMail.isValid (reference)", JMail::isValid);
        variants.put("Normalizer.standard().normalize", Normalizer.standard()::normalize);
        variants.put("AddressParser.strict().parse", AddressParser.strict()::parse);
        variants.put("checkOffline, every policy rule off", noPolicy::checkOffline);
        variants.put("  + non-ASCII local-part rule only", CustomerEmailValidator.builder().disposableDomainCheck(false)
                .roleAccounts(RuleMode.OFF).providerRules(ProviderRuleMode.OFF).build()::checkOffline);
        variants.put("  + role-account rule only", CustomerEmailValidator.builder().disposableDomainCheck(false)
                .providerRules(ProviderRuleMode.OFF).nonAsciiLocalPart(RuleMode.OFF).build()::checkOffline);
        variants.put("  + provider mailbox rules only", CustomerEmailValidator.builder().disposableDomainCheck(false)
                .roleAccounts(RuleMode.OFF).nonAsciiLocalPart(RuleMode.OFF).build()::checkOffline);
        variants.put("  + disposable-domain rule only", CustomerEmailValidator.builder()
                .roleAccounts(RuleMode.OFF).providerRules(ProviderRuleMode.OFF).nonAsciiLocalPart(RuleMode.OFF)
                .build()::checkOffline);
        variants.put("checkOffline, defaults", CustomerEmailValidator.builder().build()::checkOffline);

        int n = variants.size();
        long[][] cpu = new long[n][rounds];
        long[][] bytes = new long[n][rounds];
        Object sink = null;
        int warmup = Math.max(10, rounds / 3);
        for (int round = -warmup; round < rounds; round++) {
            int v = 0;
            for (Function<String, Object> f : variants.values()) {
                long b0 = mx.getThreadAllocatedBytes(thread);
                long t0 = mx.getCurrentThreadCpuTime();
                for (String s : valid) {
                    sink = f.apply(s);
                }
                long t1 = mx.getCurrentThreadCpuTime();
                long b1 = mx.getThreadAllocatedBytes(thread);
                if (round >= 0) {
                    cpu[v][round] = t1 - t0;
                    bytes[v][round] = b1 - b0;
                }
                v++;
            }
        }
        if (sink == null) {
            throw new AssertionError();
        }

        double reference = median(cpu[0]) / valid.length;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### Stage profile: %d VALID addresses, median of %d interleaved rounds "
                + "(thread CPU time)%n%n| variant | CPU ns/address | vs JMail.isValid | B/address |%n"
                + "|---|---:|---:|---:|%n", valid.length, rounds));
        int v = 0;
        for (String name : variants.keySet()) {
            double ns = median(cpu[v]) / valid.length;
            double b = median(bytes[v]) / valid.length;
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f× | %.0f |%n", name.replace("  + ", "… + "),
                    ns, ns / reference, b));
            v++;
        }
        System.out.print(out);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }
}
