package io.github.customeremail.benchmarks;

import com.sanctionco.jmail.JMail;
import io.github.customeremail.AddressParser;
import io.github.customeremail.BenchmarkHooks;
import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.InMemorySuppressionList;
import io.github.customeremail.Normalizer;
import io.github.customeremail.SuppressionEntry;
import io.github.customeremail.SuppressionReason;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * customer-email against the Java validators in use today, each over the whole {@link Corpus} (10 000 addresses as
 * clerks type them) per invocation. Scores are per address ({@code @OperationsPerInvocation}); with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is also per address, because JMH divides by the operation count.
 *
 * <p>Every result is consumed by the {@link Blackhole}. The peers see the raw input, exactly as our validator does;
 * what each one accepts is compared by {@link AcceptanceComparison}.
 *
 * <p>Run it with {@code benchmarks/run.sh}, or {@code java -jar benchmarks/target/benchmarks.jar PeerComparison}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PeerComparisonBenchmark {

    private String[] inputs;
    private String[] validInputs;
    private String[] repairInputs;
    private String[] invalidInputs;
    private String[] longTailInputs;
    private String[] normalizedInputs;
    private EmailBean[] beans;

    private CustomerEmailValidator validator;
    /** The same configuration with the typo corrector's memo off: every unknown domain is searched. */
    private CustomerEmailValidator memoOff;
    /** {@link #memoOff} with an in-memory suppression list of {@value #SUPPRESSED} addresses. */
    private CustomerEmailValidator memoOffSuppression;
    private Normalizer normalizer;
    private AddressParser parser;
    private com.sanctionco.jmail.EmailValidator jmailStrict;
    private org.apache.commons.validator.routines.EmailValidator commons;
    private org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator hibernateRaw;
    private ValidatorFactory validatorFactory;
    private Validator beanValidator;

    /** A bean as an application would declare it with Bean Validation's {@code @Email}. */
    public static final class EmailBean {
        @jakarta.validation.constraints.Email
        private final String email;

        EmailBean(String email) {
            this.email = email;
        }

        public String getEmail() {
            return email;
        }
    }

    @Setup
    public void setUp() {
        inputs = Corpus.inputs();
        validInputs = Corpus.inputs(Corpus.Category.VALID);
        repairInputs = Corpus.inputs(Corpus.Category.REPAIR);
        invalidInputs = Corpus.inputs(Corpus.Category.INVALID);
        longTailInputs = Corpus.longTailInputs();
        if (inputs.length != Corpus.SIZE || validInputs.length != Corpus.VALID_COUNT
                || repairInputs.length != Corpus.REPAIR_COUNT || invalidInputs.length != Corpus.INVALID_COUNT
                || longTailInputs.length != Corpus.LONG_TAIL_SIZE) {
            throw new IllegalStateException("corpus size changed: fix @OperationsPerInvocation");
        }
        validator = CustomerEmailValidator.builder().build();
        memoOff = BenchmarkHooks.withoutTypoMemo(CustomerEmailValidator.builder()).build();
        memoOffSuppression = BenchmarkHooks.withoutTypoMemo(CustomerEmailValidator.builder())
                .suppressionList(suppressionList(inputs)).build();
        normalizer = Normalizer.standard();
        parser = AddressParser.strict();
        normalizedInputs = new String[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            normalizedInputs[i] = normalizer.normalize(inputs[i]).value();
        }
        jmailStrict = JMail.strictValidator();
        commons = org.apache.commons.validator.routines.EmailValidator.getInstance();
        hibernateRaw = new org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator();
        validatorFactory = Validation.buildDefaultValidatorFactory();
        beanValidator = validatorFactory.getValidator();
        beans = new EmailBean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            beans[i] = new EmailBean(inputs[i]);
        }
    }

    /** Size of the suppression list of {@link #customerEmailCheckOfflineSuppressionList}. */
    static final int SUPPRESSED = 100_000;

    /**
     * {@value #SUPPRESSED} suppressed addresses, as a sender's list grows: one address in 50 of the corpus (so some
     * checks find theirs and report it) and the rest at other mailboxes of the same kind of domains.
     */
    static InMemorySuppressionList suppressionList(String[] corpus) {
        CustomerEmailValidator plain = CustomerEmailValidator.builder().build();
        InMemorySuppressionList list = new InMemorySuppressionList();
        LocalDate day = LocalDate.of(2026, 11, 3);
        for (int i = 0; i < corpus.length; i += 50) {
            plain.checkOffline(corpus[i]).normalized().ifPresent(a -> list.add(new SuppressionEntry(a,
                    SuppressionReason.MAILBOX_DOES_NOT_EXIST, day, "smtp; 550 5.1.1 user unknown")));
        }
        String[] domains = {"gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx", "empresa-andina.com.co"};
        for (int i = 0; list.size() < SUPPRESSED; i++) {
            list.add(new SuppressionEntry("cliente" + i + "@" + domains[i % domains.length],
                    SuppressionReason.MAILBOX_DOES_NOT_EXIST, day, "smtp; 550 5.1.1 user unknown"));
        }
        return list;
    }

    @TearDown
    public void tearDown() {
        validatorFactory.close();
    }

    // ---------------------------------------------------------------------------------------------- customer-email

    /** The whole offline pipeline: normalize, parse, (typo, policy when they land), build the {@code EmailCheck}. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void customerEmailCheckOffline(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(validator.checkOffline(s));
        }
    }

    /** The whole offline pipeline over the VALID category only: the common case, and the allocation target. */
    @Benchmark
    @OperationsPerInvocation(Corpus.VALID_COUNT)
    public void customerEmailCheckOfflineValidOnly(Blackhole bh) {
        for (String s : validInputs) {
            bh.consume(validator.checkOffline(s));
        }
    }

    /**
     * The whole offline pipeline over {@link Corpus#longTailInputs()}, where no mistyped or company domain repeats:
     * the typo corrector searches for nearly every unknown domain instead of remembering it. Compare with
     * {@link #jmailIsValidLongTail}.
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.LONG_TAIL_SIZE)
    public void customerEmailCheckOfflineLongTail(Blackhole bh) {
        for (String s : longTailInputs) {
            bh.consume(validator.checkOffline(s));
        }
    }

    /** {@link #customerEmailCheckOffline} with the typo corrector's memo off: the issue's targets are measured so. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void customerEmailCheckOfflineMemoOff(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(memoOff.checkOffline(s));
        }
    }

    /** {@link #customerEmailCheckOfflineMemoOff} on two threads at once: how the check scales (JMH {@code -t 2}). */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(Corpus.SIZE)
    public void customerEmailCheckOfflineMemoOffTwoThreads(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(memoOff.checkOffline(s));
        }
    }

    /** {@link #customerEmailCheckOfflineMemoOff} with a suppression list of {@value #SUPPRESSED} addresses. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void customerEmailCheckOfflineSuppressionList(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(memoOffSuppression.checkOffline(s));
        }
    }

    /** {@link #customerEmailCheckOfflineValidOnly} with the memo off. */
    @Benchmark
    @OperationsPerInvocation(Corpus.VALID_COUNT)
    public void customerEmailCheckOfflineValidOnlyMemoOff(Blackhole bh) {
        for (String s : validInputs) {
            bh.consume(memoOff.checkOffline(s));
        }
    }

    /**
     * The whole offline pipeline, memo off, over the REPAIR category only: inputs the normalizer repairs (upper
     * case, spaces, {@code mailto:}, {@code Name <a@b>}, a comma for a dot…). Compare with {@link #jmailIsValidRepairOnly}.
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.REPAIR_COUNT)
    public void customerEmailCheckOfflineRepairOnlyMemoOff(Blackhole bh) {
        for (String s : repairInputs) {
            bh.consume(memoOff.checkOffline(s));
        }
    }

    /**
     * The whole offline pipeline, memo off, over the INVALID category only (no {@code @}, two {@code @}, a space…):
     * a refusal should be cheap. Compare with {@link #jmailIsValidInvalidOnly}.
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.INVALID_COUNT)
    public void customerEmailCheckOfflineInvalidOnlyMemoOff(Blackhole bh) {
        for (String s : invalidInputs) {
            bh.consume(memoOff.checkOffline(s));
        }
    }

    /** The normalizer alone over the REPAIR category: the cost of the repairs themselves. */
    @Benchmark
    @OperationsPerInvocation(Corpus.REPAIR_COUNT)
    public void customerEmailNormalizeRepairOnly(Blackhole bh) {
        for (String s : repairInputs) {
            bh.consume(normalizer.normalize(s));
        }
    }

    /** {@link #customerEmailCheckOfflineLongTail} with the memo off. */
    @Benchmark
    @OperationsPerInvocation(Corpus.LONG_TAIL_SIZE)
    public void customerEmailCheckOfflineLongTailMemoOff(Blackhole bh) {
        for (String s : longTailInputs) {
            bh.consume(memoOff.checkOffline(s));
        }
    }

    /** The strict parser alone over already-normalized strings. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void customerEmailParseOnly(Blackhole bh) {
        for (String s : normalizedInputs) {
            bh.consume(parser.parse(s));
        }
    }

    /** The normalizer alone over the raw input. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void customerEmailNormalizeOnly(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(normalizer.normalize(s));
        }
    }

    // ----------------------------------------------------------------------------------------------------- peers

    /** JMail 2.x, default rules (the reference of every ratio in the report). */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void jmailIsValid(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(JMail.isValid(s));
        }
    }

    /** JMail 2.x, default rules, over the REPAIR category: the reference of the repair rows. */
    @Benchmark
    @OperationsPerInvocation(Corpus.REPAIR_COUNT)
    public void jmailIsValidRepairOnly(Blackhole bh) {
        for (String s : repairInputs) {
            bh.consume(JMail.isValid(s));
        }
    }

    /** JMail 2.x, default rules, over the INVALID category: the reference of the refusal row. */
    @Benchmark
    @OperationsPerInvocation(Corpus.INVALID_COUNT)
    public void jmailIsValidInvalidOnly(Blackhole bh) {
        for (String s : invalidInputs) {
            bh.consume(JMail.isValid(s));
        }
    }

    /** JMail 2.x, default rules, over {@link Corpus#longTailInputs()}: the reference of the long-tail check. */
    @Benchmark
    @OperationsPerInvocation(Corpus.LONG_TAIL_SIZE)
    public void jmailIsValidLongTail(Blackhole bh) {
        for (String s : longTailInputs) {
            bh.consume(JMail.isValid(s));
        }
    }

    /** JMail 2.x, {@code JMail.strictValidator()} built once and reused. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void jmailStrictValidator(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(jmailStrict.isValid(s));
        }
    }

    /** Apache Commons Validator {@code EmailValidator.getInstance()}. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void commonsValidator(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(commons.isValid(s));
        }
    }

    /** Hibernate Validator's {@code @Email} constraint validator called directly. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void hibernateEmailValidatorRaw(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(hibernateRaw.isValid(s, null));
        }
    }

    /** Hibernate Validator's {@code @Email} the way applications use it: {@code validator.validate(bean)}. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void hibernateValidateBean(Blackhole bh) {
        for (EmailBean b : beans) {
            bh.consume(beanValidator.validate(b));
        }
    }

    /** Jakarta Mail {@code new InternetAddress(s, true)}: parse a header address, then the strict syntax check. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void jakartaMailStrictConstructor(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(jakartaMailStrict(s));
        }
    }

    /** Jakarta Mail {@code new InternetAddress(s)} then {@code validate()}. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void jakartaMailValidate(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(jakartaMailValidate(s));
        }
    }

    /** The floor: what {@code s.trim().toLowerCase()} costs, the "validation" many forms do. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void baselineTrimLowercase(Blackhole bh) {
        for (String s : inputs) {
            bh.consume(s.trim().toLowerCase(Locale.ROOT));
        }
    }

    static boolean jakartaMailStrict(String s) {
        try {
            new InternetAddress(s, true);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    static boolean jakartaMailValidate(String s) {
        try {
            new InternetAddress(s).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
