package io.github.customeremail.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.FindingCode;
import io.github.customeremail.Severity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ExpressionLanguageFeatureLevel;
import org.hibernate.validator.messageinterpolation.MessageParameterEscaping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text typed by the user reaches the message only as escaped message parameters: never as a template, a message key
 * or an Expression Language expression, even when the application enables EL everywhere.
 */
class MessageInjectionTest {

    static final Locale ES = Locale.forLanguageTag("es");
    static final String EVIL = "${1+1} #{1+1} {jakarta.validation.constraints.NotNull.message} \\{x\\} $ {verdict}"
            + " ${''.getClass().forName('java.lang.Runtime')}";

    private final List<ValidatorFactory> factories = new ArrayList<>();

    @AfterEach
    void close() {
        factories.forEach(ValidatorFactory::close);
    }

    static class Customer {
        @ValidCustomerEmail
        String email;

        Customer(String email) {
            this.email = email;
        }
    }

    private Validator validator(boolean elEverywhere, Function<String, EmailCheck> script) {
        HibernateValidatorConfiguration config = TestValidators.configure(ES);
        if (elEverywhere) {
            config.constraintExpressionLanguageFeatureLevel(ExpressionLanguageFeatureLevel.BEAN_METHODS)
                    .customViolationExpressionLanguageFeatureLevel(ExpressionLanguageFeatureLevel.BEAN_METHODS);
        }
        if (script != null) {
            config.constraintValidatorFactory(TestValidators.injecting(() -> new ValidCustomerEmailValidator(script)));
        }
        ValidatorFactory factory = config.buildValidatorFactory();
        factories.add(factory);
        return factory.getValidator();
    }

    private static ConstraintViolation<Customer> only(Set<ConstraintViolation<Customer>> violations) {
        assertThat(violations).hasSize(1);
        return violations.iterator().next();
    }

    @ParameterizedTest(name = "EL enabled everywhere: {0}")
    @ValueSource(booleans = {false, true})
    void reasonTextIsReportedLiterally(boolean elEverywhere) {
        ConstraintViolation<Customer> violation = only(validator(elEverywhere,
                input -> Scripts.invalidWithMessage(input, EVIL)).validate(new Customer(EVIL)));
        assertThat(violation.getMessage()).isEqualTo(EVIL);
        assertThat(violation.getMessageTemplate()).isEqualTo(ValidCustomerEmail.DEFAULT_MESSAGE);
    }

    @ParameterizedTest(name = "EL enabled everywhere: {0}")
    @ValueSource(booleans = {false, true})
    void suggestionIsReportedLiterally(boolean elEverywhere) {
        ConstraintViolation<Customer> violation = only(validator(elEverywhere,
                input -> Scripts.suggest(input, "a@b.com", EVIL)).validate(new Customer("a@b.com")));
        assertThat(violation.getMessage()).isEqualTo("¿Quiso decir " + EVIL + "?");
    }

    /** Shows the normalized input in the message, and refuses empresa.com.co so that valid addresses fail too. */
    static class Echo {
        @ValidCustomerEmail(blockedDomains = "empresa.com.co", message = "[{normalized}] {reason_es}")
        String email;

        Echo(String email) {
            this.email = email;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${1+1}#{1+1}{jakarta.validation.constraints.NotNull.message}@empresa.com.co",
            "{verdict}+${''.getClass()}@empresa.com.co",
            "juan@{jakarta.validation.constraints.NotNull.message}.com",
            "juan@empresa.${1+1}",
            "\"${1+1}\"@empresa.com.co"})
    void realInputIsNeverEvaluated(String input) {
        EmailCheck core = CustomerEmails.defaultValidator().checkOffline(input);
        String expected = "[" + core.normalized().orElse("") + "] " + (core.isValid()
                ? "No se aceptan direcciones de empresa.com.co."
                : core.headline(ES).orElseThrow());
        for (boolean elEverywhere : new boolean[] {false, true}) {
            Set<ConstraintViolation<Echo>> violations = validator(elEverywhere, null).validate(new Echo(input));
            assertThat(violations).hasSize(1);
            ConstraintViolation<Echo> violation = violations.iterator().next();
            assertThat(violation.getMessage()).isEqualTo(expected)
                    .doesNotContain("2")
                    .doesNotContain("nulo")
                    .doesNotContain("must not be null")
                    .doesNotContain("class java");
            assertThat(violation.getMessageTemplate()).isEqualTo("[{normalized}] {reason_es}");
        }
    }

    @org.junit.jupiter.api.Test
    void parametersStayEscapedWhenTheFactoryTurnsEscapingOff() {
        ValidatorFactory factory = TestValidators.configure(ES)
                .messageParameterEscaping(MessageParameterEscaping.NONE)
                .constraintExpressionLanguageFeatureLevel(ExpressionLanguageFeatureLevel.BEAN_METHODS)
                .customViolationExpressionLanguageFeatureLevel(ExpressionLanguageFeatureLevel.BEAN_METHODS)
                .constraintValidatorFactory(TestValidators.injecting(
                        () -> new ValidCustomerEmailValidator(input -> Scripts.invalidWithMessage(input, EVIL))))
                .buildValidatorFactory();
        factories.add(factory);
        assertThat(only(factory.getValidator().validate(new Customer("x"))).getMessage()).isEqualTo(EVIL);
    }

    @org.junit.jupiter.api.Test
    void escapingForOlderHibernateValidators() {
        assertThat(HibernateValidatorSupport.escape("a${b}\\c")).isEqualTo("a\\$\\{b\\}\\\\c");
        assertThat(HibernateValidatorSupport.escape("juan@empresa.com.co")).isEqualTo("juan@empresa.com.co");
    }

    @org.junit.jupiter.api.Test
    void validInputWithExpressionCharactersIsAccepted() {
        // '$', '#', '{', '}' and '+' are legal in a local part (RFC 5322 atext)
        assertThat(validator(true, null).validate(new Customer("${1+1}#{1+1}@empresa.com.co"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aReasonIsRenderedInItsOwnLanguageWhenReadAndEscaped() {
        Finding typo = Finding.of(FindingCode.DOMAIN_TYPO, Severity.SUGGESTION, "suggestion", "${x}@gmail.com");
        assertThat(new ValidCustomerEmailValidator.LocalizedReason(typo, ValidCustomerEmailValidator.SPANISH))
                .hasToString("¿Quiso decir \\$\\{x\\}@gmail.com?");
        assertThat(new ValidCustomerEmailValidator.LocalizedReason(typo, Locale.ENGLISH))
                .hasToString("Did you mean \\$\\{x\\}@gmail.com?");
    }
}
