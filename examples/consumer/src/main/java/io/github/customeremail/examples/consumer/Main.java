package io.github.customeremail.examples.consumer;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.dns.DnsMailDomainChecker;
import io.github.customeremail.validation.ValidCustomerEmail;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;

/**
 * Checks a few addresses as an application would and prints one line per result; .ci/run compares the output with
 * expected-output.txt. With {@code DNS_HOST PORT} it also checks an address's MX against that server (CI: dnsmasq
 * on loopback, which serves {@code example.test}).
 */
public final class Main {

    private static final Locale ES = Locale.forLanguageTag("es");

    /** A bean as an application has it. */
    static final class Customer {
        @ValidCustomerEmail
        private final String email;

        Customer(String email) {
            this.email = email;
        }
    }

    private Main() {
    }

    /**
     * Runs the checks.
     *
     * @param args nothing, or the DNS server's address and port
     */
    public static void main(String[] args) {
        System.out.println("module: " + CustomerEmailValidator.class.getModule().getName());
        try (CustomerEmailValidator validator = CustomerEmailValidator.builder().build()) {
            EmailCheck missingAt = validator.check("juan.gmail.com");
            System.out.println("es: " + missingAt.headline(ES).orElseThrow());
            System.out.println("en: " + missingAt.headline(Locale.ENGLISH).orElseThrow());

            EmailCheck typo = validator.check("juan@gmial.com");
            System.out.println("suggest: " + typo.verdict() + " " + typo.suggestion().orElseThrow().address()
                    + " / " + typo.headline(ES).orElseThrow());
        }

        try (var factory = Validation.byProvider(HibernateValidator.class).configure()
                .defaultLocale(ES).buildValidatorFactory()) {
            Validator beanValidator = factory.getValidator();
            Set<ConstraintViolation<Customer>> violations = beanValidator.validate(new Customer("ana@hotmail.con"));
            for (ConstraintViolation<Customer> violation : violations) {
                System.out.println("violation: " + violation.getPropertyPath() + ": " + violation.getMessage());
            }
            System.out.println("valid bean: " + beanValidator.validate(new Customer("ana@hotmail.com")).isEmpty());
        }

        if (args.length == 2) {
            DnsMailDomainChecker dns = DnsMailDomainChecker.builder()
                    .server(args[0], Integer.parseInt(args[1])).deadline(Duration.ofSeconds(5)).build();
            try (CustomerEmailValidator validator = CustomerEmailValidator.builder()
                    .extraTopLevelDomains("test").mailDomainChecker(dns).build()) {   // closes dns too
                EmailCheck check = validator.check("juan@example.test");
                System.out.println("mx: " + check.input() + " " + check.verdict());
            }
        }
    }
}
