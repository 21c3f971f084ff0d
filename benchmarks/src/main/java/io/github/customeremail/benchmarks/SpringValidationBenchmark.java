package io.github.customeremail.benchmarks;

import io.github.customeremail.benchmarks.BeanValidationBenchmark.CustomerBean;
import io.github.customeremail.spring.CustomerEmailAutoConfiguration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
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
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * {@code validate(bean)} with {@code @ValidCustomerEmail} through Spring's validator, as the Spring Boot starter
 * configures it (Spring Boot's validation auto-configuration: {@code LocalValidatorFactoryBean}, its locale-aware
 * and MessageSource-aware interpolation, the auto-configured validator as payload), against plain Hibernate Validator
 * with the same corpus ({@link BeanValidationBenchmark#corpus()}) and Spanish messages. {@code springMvcErrors} is
 * the call Spring MVC makes for a {@code @Valid} body: the Spring {@code Validator} adapter filling an
 * {@link Errors}.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar SpringValidation -f 1 -wi 2 -w 2s -i 3 -r 2s}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpringValidationBenchmark {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private AnnotationConfigApplicationContext context;
    private Validator spring;
    private org.springframework.validation.Validator springAdapter;
    private ValidatorFactory plainFactory;
    private Validator plain;
    private CustomerBean[] beans;

    @Setup
    public void setUp() {
        // The locale a request's Accept-Language would set; the default of LocaleContextHolder, so every JMH
        // thread sees it.
        LocaleContextHolder.setDefaultLocale(SPANISH);
        context = new AnnotationConfigApplicationContext();
        context.register(CustomerEmailAutoConfiguration.class, ValidationAutoConfiguration.class);
        context.refresh();
        spring = context.getBean(Validator.class);
        springAdapter = context.getBean(org.springframework.validation.Validator.class);
        plainFactory = Validation.byProvider(HibernateValidator.class).configure()
                .ignoreXmlConfiguration()
                .defaultLocale(SPANISH)
                .buildValidatorFactory();
        plain = plainFactory.getValidator();
        beans = BeanValidationBenchmark.corpus().stream().map(CustomerBean::new).toArray(CustomerBean[]::new);
    }

    @TearDown
    public void tearDown() {
        plainFactory.close();
        context.close();
    }

    @Benchmark
    @OperationsPerInvocation(BeanValidationBenchmark.SIZE)
    public int plainHibernateValidator() {
        int violations = 0;
        for (CustomerBean bean : beans) {
            violations += plain.validate(bean).size();
        }
        return violations;
    }

    @Benchmark
    @OperationsPerInvocation(BeanValidationBenchmark.SIZE)
    public int springValidator() {
        int violations = 0;
        for (CustomerBean bean : beans) {
            violations += spring.validate(bean).size();
        }
        return violations;
    }

    @Benchmark
    @OperationsPerInvocation(BeanValidationBenchmark.SIZE)
    public int springMvcErrors() {
        int violations = 0;
        for (CustomerBean bean : beans) {
            Errors errors = new BeanPropertyBindingResult(bean, "customer");
            springAdapter.validate(bean, errors);
            violations += errors.getErrorCount();
        }
        return violations;
    }
}
