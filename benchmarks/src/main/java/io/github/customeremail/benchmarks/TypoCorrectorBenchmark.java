package io.github.customeremail.benchmarks;

import io.github.customeremail.BenchmarkHooks;
import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The typo corrector (package-private in core) measured through the public facade, offline: known domains (the
 * common path: one hash lookup), typos of each kind, and unrelated company domains. Compare with
 * {@code typoCorrection(false)} to see what stage 3 adds.
 *
 * <p>The corrector remembers its answers for a few thousand recent domains, so the eight typos and eight company
 * domains repeated here measure a remembered answer; the {@code …EachNew} benchmarks go through
 * {@value #DISTINCT} distinct domains of each kind, far more than it remembers, and measure its search.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TypoCorrectorBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TypoCorrectorBenchmark {

    static final String[] KNOWN = {
        "juan@gmail.com", "maria@hotmail.com", "pedro@yahoo.com.mx", "ana@hotmail.com.ar", "luis@une.net.co",
        "sofia@outlook.es", "carlos@icloud.com", "lucia@fibertel.com.ar",
    };
    static final String[] TYPOS = {
        "juan@gmial.com", "maria@hotmial.com", "pedro@gmail.con", "ana@yahoo.cm", "luis@gmail.com.co",
        "sofia@gmailcom", "carlos@gmail", "lucia@gm\u0430il.com",
    };
    static final String[] UNRELATED = {
        "juan@empresa.com.co", "maria@distribuidora.com.mx", "pedro@example.com.ar", "ana@hotmart.com",
        "luis@constructora.cl", "sofia@estudio.pe", "carlos@abogados.es", "lucia@tumatera.com",
    };

    /** Distinct domains of the {@code …EachNew} benchmarks (a compile-time constant for the operation count). */
    static final int DISTINCT = 20_000;

    private CustomerEmailValidator withTypos;
    private CustomerEmailValidator withoutTypos;
    private CustomerEmailValidator withTyposMemoOff;
    private String[] distinctTypos;
    private String[] distinctCompanies;

    @Setup
    public void setUp() {
        withTypos = CustomerEmailValidator.builder().build();
        withoutTypos = CustomerEmailValidator.builder().typoCorrection(false).build();
        withTyposMemoOff = BenchmarkHooks.withoutTypoMemo(CustomerEmailValidator.builder()).build();
        distinctTypos = Corpus.distinctTypoAddresses(DISTINCT);
        distinctCompanies = Corpus.distinctCompanyAddresses(DISTINCT);
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void knownDomains(Blackhole bh) {
        run(withTypos, KNOWN, bh);
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void knownDomainsWithoutCorrector(Blackhole bh) {
        run(withoutTypos, KNOWN, bh);
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void typos(Blackhole bh) {
        run(withTypos, TYPOS, bh);
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void unrelatedDomains(Blackhole bh) {
        run(withTypos, UNRELATED, bh);
    }

    /** {@value #DISTINCT} addresses, each at a different mistyped provider domain: the corrector searches each. */
    @Benchmark
    @OperationsPerInvocation(DISTINCT)
    public void typosEachNew(Blackhole bh) {
        run(withTypos, distinctTypos, bh);
    }

    /** {@link #typosEachNew} with the memo off: the search alone, without looking in the memo nor filling it. */
    @Benchmark
    @OperationsPerInvocation(DISTINCT)
    public void typosEachNewMemoOff(Blackhole bh) {
        run(withTyposMemoOff, distinctTypos, bh);
    }

    /** {@value #DISTINCT} addresses, each at a different company domain: the search that finds nothing. */
    @Benchmark
    @OperationsPerInvocation(DISTINCT)
    public void unrelatedDomainsEachNew(Blackhole bh) {
        run(withTypos, distinctCompanies, bh);
    }

    /** The same addresses without the corrector: what the rest of the check costs. */
    @Benchmark
    @OperationsPerInvocation(DISTINCT)
    public void unrelatedDomainsEachNewWithoutCorrector(Blackhole bh) {
        run(withoutTypos, distinctCompanies, bh);
    }

    private static void run(CustomerEmailValidator validator, String[] inputs, Blackhole bh) {
        for (String input : inputs) {
            EmailCheck check = validator.checkOffline(input);
            bh.consume(check);
        }
    }
}
