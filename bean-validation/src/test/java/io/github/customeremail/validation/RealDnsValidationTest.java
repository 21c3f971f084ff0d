package io.github.customeremail.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.dns.DnsMailDomainChecker;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @ValidCustomerEmail(checkMx = true)} with the real DNS checker against the loopback DNS responder. */
class RealDnsValidationTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    static class Customer {
        @ValidCustomerEmail(checkMx = true)
        String email;

        Customer(String email) {
            this.email = email;
        }
    }

    private static LoopbackDnsServer dns;
    private static CustomerEmailValidator shared;
    private static ValidatorFactory factory;

    @BeforeAll
    static void start() throws Exception {
        dns = LoopbackDnsServer.start()
                .mx("empresa.com.co", 10, "mail.empresa.com.co").a("mail.empresa.com.co", "11.22.33.44")
                .nullMx("sincorreo.com.co", 300)
                .fault("caido.com.co", LoopbackDnsServer.Fault.servfail());
        shared = CustomerEmailValidator.builder()
                .mailDomainChecker(DnsMailDomainChecker.builder().server("127.0.0.1", dns.port())
                        .deadline(Duration.ofSeconds(10)).build())
                .build();
        factory = TestValidators.configure(ES).constraintValidatorPayload(shared).buildValidatorFactory();
    }

    @AfterAll
    static void stop() {
        factory.close();
        shared.close();
        dns.close();
    }

    private Set<ConstraintViolation<Customer>> validate(String email) {
        return factory.getValidator().validate(new Customer(email));
    }

    @Test
    void aDomainWithMailServersIsValid() {
        assertThat(validate("juan@empresa.com.co")).isEmpty();
    }

    @Test
    void aNullMxDomainIsAViolationSayingWhy() {
        Set<ConstraintViolation<Customer>> violations = validate("ana@sincorreo.com.co");
        assertThat(violations).hasSize(1);
        assertThat(violations.iterator().next().getMessage())
                .isEqualTo("El dominio sincorreo.com.co declara que no recibe correo.");
    }

    @Test
    void aDnsFailureIsUnknownWhichPassesByDefault() {
        dns.resetCounts();
        assertThat(validate("luis@caido.com.co")).isEmpty();
        assertThat(dns.totalQueries()).isPositive();
    }
}
