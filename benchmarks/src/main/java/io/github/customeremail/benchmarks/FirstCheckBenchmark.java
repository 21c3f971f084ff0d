package io.github.customeremail.benchmarks;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first check of a fresh JVM, what an application pays once at start: building the validator and checking one
 * address loads the bundled data (the community list of about 120 000 disposable domains on the first policy
 * check; the IDNA table and confusables on the first non-ASCII domain). One measurement per fork, many forks.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FirstCheck -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class FirstCheckBenchmark {

    /** {@code ascii}: a plain address; {@code idn}: an internationalized domain (IDNA table, confusables). */
    @Param({"ascii", "idn"})
    public String address;

    /** Whether the disposable-domain rule (and with it the community list) is on. */
    @Param({"true", "false"})
    public boolean disposable;

    @Benchmark
    public EmailCheck firstCheck() {
        CustomerEmailValidator validator = CustomerEmailValidator.builder().disposableDomainCheck(disposable).build();
        return validator.checkOffline("ascii".equals(address) ? "juan.perez@gmail.com" : "maria@españa.es");
    }
}
