package io.github.customeremail.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.FindingCode;
import io.github.customeremail.MailDomainChecker;
import io.github.customeremail.Verdict;
import io.github.customeremail.dns.DnsMailDomainChecker;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The auto-configuration in plain application contexts, property by property. */
class CustomerEmailAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CustomerEmailAutoConfiguration.class,
                    ValidationAutoConfiguration.class));

    record Signup(@io.github.customeremail.validation.ValidCustomerEmail String email) {
    }

    @Test
    void defaultsGiveTheLibrarysDefaultValidatorWithoutDns() {
        runner.run(context -> {
            CustomerEmailValidator validator = context.getBean(CustomerEmailValidator.class);
            assertThat(validator.mailDomainChecker()).isEmpty();
            assertThat(context).doesNotHaveBean(MailDomainChecker.class);
            assertThat(validator.check("juan@gmial.com").verdict()).isEqualTo(Verdict.SUGGEST);
            assertThat(validator.check("ventas@empresa.com.co").verdict()).isEqualTo(Verdict.VALID); // role: warning
            assertThat(validator.check("juan@mailinator.com").verdict()).isEqualTo(Verdict.INVALID);
        });
    }

    @Test
    void everyPolicyPropertyReachesTheValidator() {
        runner.withPropertyValues(
                "customer-email.corporate-domains=tumatera.com, tumatera.com.co",
                "customer-email.blocked-domains=competencia.com",
                "customer-email.known-domains=cliente-grande.com.co",
                "customer-email.disposable.check=false",
                "customer-email.role-accounts=invalid",
                "customer-email.provider-rules=off",
                "customer-email.non-ascii-local-part=warning",
                "customer-email.lowercase-local-part=false",
                "customer-email.extra-top-level-domains=test").run(context -> {
            CustomerEmailValidator v = context.getBean(CustomerEmailValidator.class);
            assertThat(v.check("ana@ventas.tumatera.com.co").has(FindingCode.CORPORATE_DOMAIN)).isTrue();
            assertThat(v.check("ana@competencia.com").has(FindingCode.BLOCKED_DOMAIN)).isTrue();
            assertThat(v.check("ana@cliente-grandee.com.co").suggestion()).get()
                    .extracting(s -> s.address()).isEqualTo("ana@cliente-grande.com.co");
            assertThat(v.check("juan@mailinator.com").verdict()).isEqualTo(Verdict.VALID);
            assertThat(v.check("ventas@empresa.com.co").verdict()).isEqualTo(Verdict.INVALID);
            assertThat(v.check("juan_perez@gmail.com").verdict()).isEqualTo(Verdict.VALID);
            assertThat(v.check("josé@empresa.com.co").verdict()).isEqualTo(Verdict.VALID);
            assertThat(v.check("Juan.Perez@Gmail.com").normalized()).contains("Juan.Perez@gmail.com");
            assertThat(v.check("juan@example.test").verdict()).isEqualTo(Verdict.VALID);
        });
    }

    @Test
    void typoCorrectionAndAllowListCanBeSet() {
        runner.withPropertyValues("customer-email.typo-correction=false",
                "customer-email.allowed-domains=gmial.com").run(context -> {
            CustomerEmailValidator v = context.getBean(CustomerEmailValidator.class);
            assertThat(v.check("juan@gmial.com").verdict()).isEqualTo(Verdict.VALID);
            assertThat(v.check("juan@gmail.com").has(FindingCode.DOMAIN_NOT_ALLOWED)).isTrue();
        });
    }

    @Test
    void theAnnotationUsesTheAutoConfiguredValidator() {
        runner.withPropertyValues("customer-email.corporate-domains=tumatera.com").run(context -> {
            Validator validator = context.getBean(Validator.class);
            Set<ConstraintViolation<Signup>> violations = validator.validate(new Signup("ventas@tumatera.com"));
            assertThat(violations).singleElement().extracting(ConstraintViolation::getMessage)
                    .asString().contains("tumatera.com");
            assertThat(validator.validate(new Signup("juan@gmail.com"))).isEmpty();
        });
    }

    /** A service whose method parameters are validated by Spring's method validation. */
    @org.springframework.validation.annotation.Validated
    static class SignupService {
        String signUp(@io.github.customeremail.validation.ValidCustomerEmail String email) {
            return email;
        }
    }

    @Test
    void methodValidationUsesTheAutoConfiguredValidator() {
        runner.withPropertyValues("customer-email.corporate-domains=tumatera.com")
                .withBean(SignupService.class).run(context -> {
                    SignupService service = context.getBean(SignupService.class);
                    assertThat(service.signUp("juan@gmail.com")).isEqualTo("juan@gmail.com");
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.signUp("ventas@tumatera.com"))
                            .isInstanceOf(jakarta.validation.ConstraintViolationException.class)
                            .hasMessageContaining("tumatera.com");
                });
    }

    @Test
    void anApplicationsValidatorReplacesTheAutoConfiguredOne() {
        CustomerEmailValidator own = CustomerEmailValidator.builder().corporateDomains("propia.com").build();
        runner.withPropertyValues("customer-email.corporate-domains=tumatera.com")
                .withBean(CustomerEmailValidator.class, () -> own).run(context -> {
                    assertThat(context).getBean(CustomerEmailValidator.class).isSameAs(own);
                    Validator validator = context.getBean(Validator.class);
                    assertThat(validator.validate(new Signup("ventas@tumatera.com"))).isEmpty();
                    assertThat(validator.validate(new Signup("ana@propia.com"))).hasSize(1);
                });
    }

    @Test
    void anApplicationsMailDomainCheckerIsUsedAndNoDnsCheckerIsBuilt() {
        MailDomainChecker own = domain -> java.util.concurrent.CompletableFuture.completedFuture(
                new io.github.customeremail.MailDomainStatus.NullMx());
        runner.withPropertyValues("customer-email.dns.enabled=true", "customer-email.dns.servers=127.0.0.1:9")
                .withBean(MailDomainChecker.class, () -> own).run(context -> {
                    assertThat(context).doesNotHaveBean(DnsMailDomainChecker.class);
                    CustomerEmailValidator v = context.getBean(CustomerEmailValidator.class);
                    assertThat(v.check("juan@gmail.com").has(FindingCode.NULL_MX)).isTrue();
                });
    }

    @Test
    void anApplicationsSuppressionListIsConsultedByTheValidatorAndTheAnnotation() {
        io.github.customeremail.InMemorySuppressionList list = new io.github.customeremail.InMemorySuppressionList();
        list.add(new io.github.customeremail.SuppressionEntry("rebote@gmail.com",
                io.github.customeremail.SuppressionReason.MAILBOX_DOES_NOT_EXIST,
                java.time.LocalDate.parse("2026-11-03"), "smtp; 550 5.1.1 user unknown"));
        runner.withBean(io.github.customeremail.SuppressionList.class, () -> list).run(context -> {
            CustomerEmailValidator v = context.getBean(CustomerEmailValidator.class);
            assertThat(v.check("Rebote@Gmail.com").has(FindingCode.PREVIOUSLY_BOUNCED)).isTrue();
            assertThat(v.check("Rebote@Gmail.com").verdict()).isEqualTo(Verdict.INVALID);
            assertThat(v.check("otro@gmail.com").verdict()).isEqualTo(Verdict.VALID);
            Validator validator = context.getBean(Validator.class);
            assertThat(validator.validate(new Signup("rebote@gmail.com"))).hasSize(1);
            assertThat(validator.validate(new Signup("otro@gmail.com"))).isEmpty();
        });
    }

    @Test
    void customizersRunAfterTheProperties() {
        runner.withPropertyValues("customer-email.role-accounts=invalid")
                .withBean(CustomerEmailValidatorCustomizer.class,
                        () -> b -> b.roleAccounts(io.github.customeremail.RuleMode.OFF))
                .run(context -> assertThat(context.getBean(CustomerEmailValidator.class)
                        .check("ventas@empresa.com.co").findings())
                        .noneMatch(f -> f.code().equals(FindingCode.ROLE_ACCOUNT)));
    }

    @Test
    void dnsPropertiesBuildTheChecker() {
        runner.withPropertyValues("customer-email.dns.enabled=true",
                "customer-email.dns.servers=127.0.0.1:5353, [::1]:5353, 192.0.2.1",
                "customer-email.dns.deadline=750ms", "customer-email.dns.cache.max-size=100",
                "customer-email.dns.indeterminate-ttl=0s",
                "customer-email.dns.failure-verdict=invalid").run(context -> {
            assertThat(context).hasSingleBean(DnsMailDomainChecker.class);
            CustomerEmailValidator v = context.getBean(CustomerEmailValidator.class);
            assertThat(v.mailDomainChecker()).containsSame(context.getBean(DnsMailDomainChecker.class));
        });
    }

    @Test
    void theDnsCheckerIsClosedWithTheContext() {
        DnsMailDomainChecker[] checker = new DnsMailDomainChecker[1];
        runner.withPropertyValues("customer-email.dns.enabled=true", "customer-email.dns.servers=127.0.0.1:9")
                .run(context -> checker[0] = context.getBean(DnsMailDomainChecker.class));
        assertThat(checker[0].check("example.com").join())
                .isEqualTo(new io.github.customeremail.MailDomainStatus.Indeterminate("checker closed"));
    }
}
