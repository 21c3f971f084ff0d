package io.github.customeremail.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.Verdict;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code @ValidCustomerEmail} through the real Hibernate Validator 9 (with expressly for EL). */
class ValidCustomerEmailTest {

    static final Locale ES = Locale.forLanguageTag("es");

    private final List<ValidatorFactory> factories = new ArrayList<>();

    @AfterEach
    void closeFactories() {
        factories.forEach(ValidatorFactory::close);
    }

    private Validator validator(Locale locale) {
        return track(TestValidators.configure(locale).buildValidatorFactory()).getValidator();
    }

    private Validator validator(Locale locale, CustomerEmailValidator payload) {
        return track(TestValidators.configure(locale).constraintValidatorPayload(payload).buildValidatorFactory())
                .getValidator();
    }

    private Validator scripted(Locale locale, java.util.function.Function<String, EmailCheck> script) {
        return track(TestValidators.configure(locale)
                .constraintValidatorFactory(TestValidators.injecting(() -> new ValidCustomerEmailValidator(script)))
                .buildValidatorFactory()).getValidator();
    }

    private ValidatorFactory track(ValidatorFactory factory) {
        factories.add(factory);
        return factory;
    }

    // --- beans ---

    static class Customer {
        @ValidCustomerEmail
        String email;

        Customer(String email) {
            this.email = email;
        }
    }

    static class GetterCustomer {
        private final String email;

        GetterCustomer(String email) {
            this.email = email;
        }

        @ValidCustomerEmail
        public String getEmail() {
            return email;
        }
    }

    static class CustomerService {
        public void register(@ValidCustomerEmail String email) {
        }
    }

    static class Mailing {
        List<@ValidCustomerEmail String> recipients;

        Mailing(List<String> recipients) {
            this.recipients = recipients;
        }
    }

    static class MxCustomer {
        @ValidCustomerEmail(checkMx = true)
        String email;

        MxCustomer(String email) {
            this.email = email;
        }
    }

    static class MxUnknownFails {
        @ValidCustomerEmail(checkMx = true, unknownFails = true)
        String email;

        MxUnknownFails(String email) {
            this.email = email;
        }
    }

    static class BlockingCustomer {
        @ValidCustomerEmail(blockedDomains = {"TuMatera.com.", "@otra-empresa.co"})
        String email;

        BlockingCustomer(String email) {
            this.email = email;
        }
    }

    static class CustomMessage {
        @ValidCustomerEmail(message = "{verdict} {code} [{normalized}] [{suggestion}] {reason_en}")
        String email;

        CustomMessage(String email) {
            this.email = email;
        }
    }

    private static CustomerEmailValidator withMailStatus(MailDomainStatus status) {
        return CustomerEmailValidator.builder()
                .mailDomainChecker(domain -> CompletableFuture.completedFuture(status))
                .build();
    }

    private static EmailCheck payloadOf(ConstraintViolation<?> violation) {
        HibernateConstraintViolation<?> hv = violation.unwrap(HibernateConstraintViolation.class);
        return hv.getDynamicPayload(EmailCheck.class);
    }

    private static ConstraintViolation<?> only(Set<? extends ConstraintViolation<?>> violations) {
        assertThat(violations).hasSize(1);
        return violations.iterator().next();
    }

    // --- field, getter, parameter, container element ---

    @Test
    void validAndRepairableAddressesHaveNoViolation() {
        Validator v = validator(ES);
        assertThat(v.validate(new Customer("juan.perez@gmail.com"))).isEmpty();
        assertThat(v.validate(new Customer("  Juan.Perez@Gmail,com "))).isEmpty();
        assertThat(v.validate(new Customer("mailto:Ana <ana@une.net.co>;"))).isEmpty();
    }

    @Test
    void nullAndEmptyAreValidAsWithEmail() {
        Validator v = validator(ES);
        assertThat(v.validate(new Customer(null))).isEmpty();
        assertThat(v.validate(new Customer(""))).isEmpty();
    }

    @Test
    void blankIsNotAnAddress() {
        ConstraintViolation<?> violation = only(validator(ES).validate(new Customer("   ")));
        assertThat(violation.getMessage()).isEqualTo("No se escribió ninguna dirección de correo.");
    }

    @Test
    void fieldViolationNamesTheReasonInSpanish() {
        ConstraintViolation<?> violation = only(validator(ES).validate(new Customer("juan.gmail.com")));
        assertThat(violation.getMessage()).isEqualTo("A la dirección le falta la @.");
        assertThat(violation.getPropertyPath()).hasToString("email");
        assertThat(violation.getMessageTemplate()).isEqualTo(ValidCustomerEmail.DEFAULT_MESSAGE);
        assertThat(violation.getInvalidValue()).isEqualTo("juan.gmail.com");
    }

    @Test
    void fieldViolationNamesTheReasonInEnglish() {
        ConstraintViolation<?> violation = only(validator(Locale.ENGLISH).validate(new Customer("juan@empresa.cmo")));
        assertThat(violation.getMessage()).isEqualTo("The domain ending \".cmo\" does not exist.");
    }

    @Test
    void fieldViolationNamesTheReasonInPortuguese() {
        assertThat(only(validator(Locale.forLanguageTag("pt-BR")).validate(new Customer("juan.gmail.com")))
                .getMessage()).isEqualTo("Falta o @ no endereço.");
        assertThat(only(validator(Locale.forLanguageTag("pt")).validate(new Customer("juan@gmial.com")))
                .getMessage()).isEqualTo("Você quis dizer juan@gmail.com?");
    }

    @Test
    void regionalLocalesUseTheirLanguage() {
        assertThat(only(validator(Locale.forLanguageTag("es-CO")).validate(new Customer("juan@@gmail.com")))
                .getMessage()).isEqualTo("La dirección tiene más de una @. Escriba una sola dirección.");
        assertThat(only(validator(Locale.US).validate(new Customer("juan@@gmail.com")))
                .getMessage()).isEqualTo("The address has more than one @. Enter one address only.");
    }

    @Test
    void englishIsEnglishEvenOnASpanishJvm() {
        Locale jvm = Locale.getDefault();
        try {
            Locale.setDefault(ES);
            assertThat(only(validator(Locale.ENGLISH).validate(new Customer("juan@"))).getMessage())
                    .isEqualTo("Nothing is written after the @.");
        } finally {
            Locale.setDefault(jvm);
        }
    }

    @Test
    void getterConstraint() {
        ConstraintViolation<?> violation = only(validator(ES).validate(new GetterCustomer("juan@")));
        assertThat(violation.getPropertyPath()).hasToString("email");
        assertThat(violation.getMessage()).isEqualTo("No hay nada escrito después de la @.");
        assertThat(validator(ES).validate(new GetterCustomer("juan@hotmail.com.ar"))).isEmpty();
    }

    @Test
    void parameterConstraintThroughMethodValidation() throws NoSuchMethodException {
        Method register = CustomerService.class.getMethod("register", String.class);
        var executables = validator(ES).forExecutables();
        Set<ConstraintViolation<CustomerService>> violations =
                executables.validateParameters(new CustomerService(), register, new Object[] {"juan perez@gmail.com"});
        ConstraintViolation<?> violation = only(violations);
        assertThat(violation.getMessage()).isEqualTo("La dirección contiene un espacio.");
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        assertThat(nodes).extracting(Path.Node::getKind).containsExactly(ElementKind.METHOD, ElementKind.PARAMETER);
        assertThat(executables.validateParameters(new CustomerService(), register, new Object[] {"ana@gmail.com"}))
                .isEmpty();
    }

    @Test
    void containerElementConstraint() {
        Set<ConstraintViolation<Mailing>> violations = validator(Locale.ENGLISH)
                .validate(new Mailing(List.of("ana@gmail.com", "juan@empresa", "pedro@yahoo.es")));
        ConstraintViolation<?> violation = only(violations);
        assertThat(violation.getMessage()).isEqualTo("The domain is incomplete: it lacks an ending such as .com or .co.");
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        assertThat(nodes).hasSize(2);
        assertThat(nodes.get(1).getKind()).isEqualTo(ElementKind.CONTAINER_ELEMENT);
        assertThat(nodes.get(1).getIndex()).isEqualTo(1);
        assertThat(violation.getInvalidValue()).isEqualTo("juan@empresa");
    }

    // --- suggestions ---

    @Test
    void typoIsOneViolationWithTheSuggestionInSpanish() {
        ConstraintViolation<?> violation = only(validator(ES).validate(new Customer("juan@gmial.com")));
        assertThat(violation.getMessage()).isEqualTo("¿Quiso decir juan@gmail.com?");
        EmailCheck check = payloadOf(violation);
        assertThat(check.suggestion()).get().extracting(s -> s.address()).isEqualTo("juan@gmail.com");
    }

    @Test
    void suggestionMessageInSpanishAndEnglishWithScriptedSuggest() {
        Customer customer = new Customer("Juan@Gmial.com");
        ConstraintViolation<?> es = only(scripted(ES, Scripts::suggestGmail).validate(customer));
        assertThat(es.getMessage()).isEqualTo("¿Quiso decir juan@gmail.com?");
        ConstraintViolation<?> en = only(scripted(Locale.ENGLISH, Scripts::suggestGmail)
                .validate(customer));
        assertThat(en.getMessage()).isEqualTo("Did you mean juan@gmail.com?");
        EmailCheck check = payloadOf(en);
        assertThat(check.verdict()).isEqualTo(Verdict.SUGGEST);
        assertThat(check.input()).isEqualTo("Juan@Gmial.com");
    }

    static class LenientCustomer {
        @ValidCustomerEmail(suggestFails = false)
        String email;

        LenientCustomer(String email) {
            this.email = email;
        }
    }

    @Test
    void suggestFailsFalseAcceptsTypos() {
        assertThat(scripted(ES, Scripts::suggestGmail).validate(new LenientCustomer("juan@gmial.com")))
                .isEmpty();
        // an invalid address is still refused
        assertThat(validator(ES).validate(new LenientCustomer("juan@"))).hasSize(1);
    }

    @Test
    void messageParametersAreAvailableToCustomMessages() {
        assertThat(only(scripted(ES, Scripts::suggestGmail).validate(new CustomMessage("x")))
                .getMessage())
                .isEqualTo("SUGGEST DOMAIN_TYPO [juan@gmial.com] [juan@gmail.com] Did you mean juan@gmail.com?");
        assertThat(only(validator(ES).validate(new CustomMessage("Ana@Empresa.con"))).getMessage())
                .isEqualTo("INVALID TLD_UNKNOWN [] [] The domain ending \".con\" does not exist.");
    }

    // --- configuration: payload and constructor ---

    @Test
    void payloadValidatorIsUsed() {
        Validator v = validator(ES, withMailStatus(new MailDomainStatus.NullMx()));
        ConstraintViolation<?> violation = only(v.validate(new MxCustomer("ana@example.com")));
        assertThat(violation.getMessage()).isEqualTo("El dominio example.com declara que no recibe correo.");
    }

    @Test
    void payloadPerValidatorThroughTheHibernateValidatorContext() {
        ValidatorFactory factory = track(TestValidators.configure(Locale.ENGLISH).buildValidatorFactory());
        Validator v = factory.unwrap(HibernateValidatorFactory.class).usingContext()
                .constraintValidatorPayload(withMailStatus(new MailDomainStatus.NoSuchDomain()))
                .getValidator();
        assertThat(only(v.validate(new MxCustomer("ana@nowhere.com.co"))).getMessage())
                .isEqualTo("The domain nowhere.com.co does not exist.");
    }

    @Test
    void constructorInjectionThroughAConstraintValidatorFactory() {
        CustomerEmailValidator injected = withMailStatus(new MailDomainStatus.NoMailHost());
        Validator v = track(TestValidators.configure(ES)
                .constraintValidatorFactory(TestValidators.injecting(() -> new ValidCustomerEmailValidator(injected)))
                .buildValidatorFactory()).getValidator();
        assertThat(only(v.validate(new MxCustomer("ana@example.com"))).getMessage())
                .isEqualTo("El dominio example.com no tiene ningún servidor que reciba correo.");
    }

    @Test
    void constructorRejectsNull() {
        assertThatThrownBy(() -> new ValidCustomerEmailValidator((CustomerEmailValidator) null))
                .isInstanceOf(NullPointerException.class);
    }

    // --- MX ---

    @Test
    void mxCheckAcceptsDomainsWithMailServers() {
        Validator v = validator(ES, withMailStatus(new MailDomainStatus.HasMx(List.of("mx.example.com"))));
        assertThat(v.validate(new MxCustomer("ana@example.com"))).isEmpty();
        // the field without checkMx never asks DNS, even with a checker configured
        assertThat(validator(ES, withMailStatus(new MailDomainStatus.NullMx()))
                .validate(new Customer("ana@example.com"))).isEmpty();
    }

    @Test
    void unknownPassesByDefaultAndFailsWithUnknownFails() {
        Validator v = validator(ES, withMailStatus(new MailDomainStatus.Indeterminate("timeout")));
        assertThat(v.validate(new MxCustomer("ana@example.com"))).isEmpty();
        ConstraintViolation<?> violation = only(v.validate(new MxUnknownFails("ana@example.com")));
        assertThat(violation.getMessage())
                .isEqualTo("No se pudo comprobar ahora que example.com reciba correo. Vuelva a verificar más tarde.");
    }

    @Test
    void checkMxWithoutAMailDomainCheckerIsAConfigurationError() {
        assertThatThrownBy(() -> validator(ES).validate(new MxCustomer("ana@example.com")))
                .isInstanceOf(ValidationException.class)
                .hasStackTraceContaining("MailDomainChecker");
    }

    // --- blocked domains ---

    @Test
    void blockedDomainsAndTheirSubdomainsAreRefused() {
        Validator v = validator(ES);
        assertThat(only(v.validate(new BlockingCustomer("Ana@TuMatera.com"))).getMessage())
                .isEqualTo("No se aceptan direcciones de tumatera.com.");
        assertThat(only(v.validate(new BlockingCustomer(" ana@ventas.tumatera,com "))).getMessage())
                .isEqualTo("No se aceptan direcciones de ventas.tumatera.com.");
        assertThat(v.validate(new BlockingCustomer("ana@otra-empresa.co"))).hasSize(1);
        assertThat(v.validate(new BlockingCustomer("ana@notumatera.com"))).isEmpty();
        assertThat(v.validate(new BlockingCustomer("ana@tumatera.com.co"))).isEmpty();
        assertThat(v.validate(new BlockingCustomer("ana@gmail.com"))).isEmpty();
    }

    @Test
    void corePolicyOfTheSharedValidatorApplies() {
        CustomerEmailValidator company = CustomerEmailValidator.builder().corporateDomains("tumatera.com").build();
        ConstraintViolation<?> violation = only(validator(ES, company).validate(new Customer("ana@ventas.tumatera.com")));
        assertThat(payloadOf(violation).has(io.github.customeremail.FindingCode.CORPORATE_DOMAIN)).isTrue();
        assertThat(violation.getMessage()).startsWith("Es una dirección de nuestra propia empresa");
    }

    @Test
    void blockedDomainViolationCarriesTheCode() {
        ConstraintViolation<?> violation = only(validator(ES).validate(new BlockingCustomer("ana@tumatera.com")));
        EmailCheck check = payloadOf(violation);
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(io.github.customeremail.FindingCode.BLOCKED_DOMAIN)).isTrue();
    }
}
