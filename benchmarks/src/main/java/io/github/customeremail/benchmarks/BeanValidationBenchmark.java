package io.github.customeremail.benchmarks;

import io.github.customeremail.BenchmarkHooks;
import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.Verdict;
import io.github.customeremail.validation.ValidCustomerEmail;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.HibernateValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code validator.validate(bean)} with {@code @ValidCustomerEmail} (no MX check) against the same bean with
 * Hibernate Validator's {@code @Email}: same Hibernate Validator factory, same corpus, same run. The corpus is
 * {@value #SIZE} realistic addresses (about 60 % valid, some with safe repairs, 20 % typos, 20 % invalid) generated
 * with a fixed seed, so every run measures the same inputs. Each violation's message is interpolated (Spanish), as an
 * application would show it. The two constraints do not refuse the same addresses: {@code @ValidCustomerEmail}
 * refuses 78 of the 200 (41 typos, 37 invalid), {@code @Email} 53 (28 of those invalid ones and 25 addresses that
 * customer-email repairs, such as {@code mailto:} or a comma for the dot), so the first builds half as many violations
 * again. {@link #checkOfflineMemoOff} is the check alone over the same addresses, without Bean Validation: what
 * {@link #validCustomerEmailMemoOff} costs beyond it is Hibernate Validator's work and the violations' messages.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar BeanValidation -f 1 -wi 2 -w 2s -i 3 -r 2s}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BeanValidationBenchmark {

    static final int SIZE = 200;
    private static final long SEED = 20_260_601L;

    /** The bean with the constraint under test. */
    public static final class CustomerBean {
        @ValidCustomerEmail
        final String email;

        CustomerBean(String email) {
            this.email = email;
        }
    }

    /** The same bean with Hibernate Validator's {@code @Email}. */
    public static final class EmailBean {
        @Email
        final String email;

        EmailBean(String email) {
            this.email = email;
        }
    }

    private ValidatorFactory factory;
    private Validator validator;
    private ValidatorFactory memoOffFactory;
    /** The same factory settings, with a {@code CustomerEmailValidator} whose typo memo is off as the payload. */
    private Validator memoOffValidator;
    private CustomerEmailValidator memoOff;
    private String[] addresses;
    private CustomerBean[] customerBeans;
    private EmailBean[] emailBeans;

    @Setup
    public void setUp() {
        factory = Validation.byProvider(HibernateValidator.class).configure()
                .ignoreXmlConfiguration()
                .defaultLocale(Locale.forLanguageTag("es"))
                .buildValidatorFactory();
        validator = factory.getValidator();
        memoOff = BenchmarkHooks.withoutTypoMemo(CustomerEmailValidator.builder()).build();
        memoOffFactory = Validation.byProvider(HibernateValidator.class).configure()
                .ignoreXmlConfiguration()
                .defaultLocale(Locale.forLanguageTag("es"))
                .constraintValidatorPayload(memoOff)
                .buildValidatorFactory();
        memoOffValidator = memoOffFactory.getValidator();
        List<String> corpus = corpus();
        addresses = corpus.toArray(String[]::new);
        customerBeans = corpus.stream().map(CustomerBean::new).toArray(CustomerBean[]::new);
        emailBeans = corpus.stream().map(EmailBean::new).toArray(EmailBean[]::new);
    }

    @TearDown
    public void tearDown() {
        factory.close();
        memoOffFactory.close();
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public int validCustomerEmail() {
        int violations = 0;
        for (CustomerBean bean : customerBeans) {
            violations += validator.validate(bean).size();
        }
        return violations;
    }

    /** {@link #validCustomerEmail} with the typo corrector's memo off (the issue's target is measured so). */
    @Benchmark
    @OperationsPerInvocation(SIZE)
    public int validCustomerEmailMemoOff() {
        int violations = 0;
        for (CustomerBean bean : customerBeans) {
            violations += memoOffValidator.validate(bean).size();
        }
        return violations;
    }

    /**
     * {@code checkOffline} of the validator that {@link #validCustomerEmailMemoOff} is given, over the same
     * addresses, without Bean Validation.
     */
    @Benchmark
    @OperationsPerInvocation(SIZE)
    public int checkOfflineMemoOff() {
        int refused = 0;
        for (String address : addresses) {
            refused += memoOff.checkOffline(address).verdict() == Verdict.VALID ? 0 : 1;
        }
        return refused;
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public int hibernateEmail() {
        int violations = 0;
        for (EmailBean bean : emailBeans) {
            violations += validator.validate(bean).size();
        }
        return violations;
    }

    // --- corpus ---

    private static final String[] FIRST = {"juan", "maria", "jose", "ana", "luis", "carmen", "carlos", "lucia",
        "andres", "valentina", "diego", "camila", "jorge", "sofia", "pedro", "daniela", "miguel", "paula"};
    private static final String[] LAST = {"perez", "gomez", "rodriguez", "lopez", "martinez", "garcia", "sanchez",
        "ramirez", "torres", "diaz", "vargas", "castro", "rojas", "morales", "herrera", "jimenez"};
    private static final String[] DOMAINS = {"gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "yahoo.es",
        "hotmail.es", "live.com", "icloud.com", "hotmail.com.ar", "yahoo.com.mx", "une.net.co", "telefonica.net",
        "prodigy.net.mx", "uol.com.br", "empresa-andina.com.co", "ferreteria-sol.cl"};
    private static final String[] TYPO_DOMAINS = {"gmial.com", "gmail.con", "gmai.com", "hotmial.com", "hotmail.co",
        "yaho.com", "outlok.com", "gmail.com.co", "hotmal.es", "yahoo.con"};

    /** {@value #SIZE} addresses from a fixed seed. */
    static List<String> corpus() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> out = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            String first = pick(random, FIRST);
            String last = pick(random, LAST);
            String local = switch (random.nextInt(4)) {
                case 0 -> first + "." + last;
                case 1 -> first + last + random.nextInt(100);
                case 2 -> first.charAt(0) + last;
                default -> first + "_" + last;
            };
            int kind = random.nextInt(100);
            if (kind < 45) {
                out.add(local + "@" + pick(random, DOMAINS));                        // valid as typed
            } else if (kind < 60) {
                out.add(repairable(random, local, pick(random, DOMAINS)));           // valid after safe repairs
            } else if (kind < 80) {
                out.add(local + "@" + pick(random, TYPO_DOMAINS));                   // probable typo
            } else {
                out.add(invalid(random, local, pick(random, DOMAINS)));              // cannot be repaired
            }
        }
        return out;
    }

    private static String repairable(SplittableRandom random, String local, String domain) {
        return switch (random.nextInt(5)) {
            case 0 -> "  " + capitalize(local) + "@" + domain.toUpperCase(Locale.ROOT) + " ";
            case 1 -> local + "@" + domain.replaceFirst("\\.", ",");
            case 2 -> "mailto:" + local + "@" + domain;
            case 3 -> capitalize(local) + " <" + local + "@" + domain + ">";
            default -> local + "@" + domain + ";";
        };
    }

    private static String invalid(SplittableRandom random, String local, String domain) {
        return switch (random.nextInt(6)) {
            case 0 -> local + domain;                                    // no @
            case 1 -> local + "@@" + domain;                             // two @
            case 2 -> local.replace('.', ' ') + " x@" + domain;          // space inside
            case 3 -> local + "@" + domain.substring(0, domain.indexOf('.'));  // no TLD
            case 4 -> "." + local + "@" + domain;                        // leading dot
            default -> local + "@" + domain.substring(0, domain.lastIndexOf('.')) + ".cmo";  // unknown TLD
        };
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
