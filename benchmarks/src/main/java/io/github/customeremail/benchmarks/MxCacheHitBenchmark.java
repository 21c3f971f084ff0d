package io.github.customeremail.benchmarks;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.dns.BenchmarkHooks;
import io.github.customeremail.dns.DnsMailDomainChecker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of a cache hit in {@link DnsMailDomainChecker#check(String)}: target under 100 ns and no allocation (a hit
 * returns the cached, already completed future). The cache is pre-warmed through a package hook, so no DNS query is
 * ever sent; the configured server is a loopback address that nothing listens on.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar MxCacheHit -f 1 -wi 2 -i 3 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MxCacheHitBenchmark {

    private static final int DOMAINS = 1024; // a power of two

    private DnsMailDomainChecker checker;
    private String[] domains;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        checker = DnsMailDomainChecker.builder()
                .server("127.0.0.1", 9) // never used: every check below is a hit
                .build();
        domains = new String[DOMAINS];
        for (int i = 0; i < DOMAINS; i++) {
            domains[i] = "customer" + i + ".example.com";
            BenchmarkHooks.prime(checker, domains[i],
                    new MailDomainStatus.HasMx(List.of("mx" + i + ".example.com")), Duration.ofDays(1));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        DnsMailDomainChecker.Stats stats = checker.stats();
        if (stats.misses() != 0 || stats.queriesSent() != 0) {
            throw new IllegalStateException("the benchmark left the cache: " + stats);
        }
        checker.close();
    }

    /** One domain, over and over. */
    @Benchmark
    public CompletableFuture<MailDomainStatus> hitSameDomain() {
        return checker.check("customer7.example.com");
    }

    /** 1024 cached domains in turn. */
    @Benchmark
    public CompletableFuture<MailDomainStatus> hitRotatingDomains() {
        return checker.check(domains[next++ & (DOMAINS - 1)]);
    }
}
