package io.github.customeremail.validation;

import io.github.customeremail.ConfigurationException;
import io.github.customeremail.CustomerEmailValidator;
import jakarta.validation.ValidationException;
import java.util.Objects;

/**
 * Small helpers around {@link ValidCustomerEmail}: the shared default validator, and the normalized form of an
 * address to store, so that {@code "  Juan@Gmail,com "} is saved as {@code juan@gmail.com} and not as typed.
 *
 * <pre>{@code
 * @Entity
 * public class Customer {
 *     @ValidCustomerEmail
 *     private String email;
 *
 *     public void setEmail(String email) {
 *         this.email = CustomerEmails.normalizeOrKeep(email);   // validate and store one spelling
 *     }
 * }
 * }</pre>
 */
public final class CustomerEmails {

    private CustomerEmails() {
    }

    /**
     * The validator that {@link ValidCustomerEmail} uses when none was configured (neither through a constructor nor
     * as Hibernate Validator's constraint validator payload): the core defaults plus {@code customer-email.properties}
     * from the root of the classpath when there is one (corporate domains, policy modes… see core's
     * {@code CustomerEmailValidator.Builder.configureFromClasspath()}), no DNS check. Built on first use, then shared;
     * it holds no threads or sockets, so there is nothing to close.
     *
     * @return the shared default validator
     * @throws ValidationException if {@code customer-email.properties} exists but is wrong (the message names the
     *         line); asked again on the next call, so a fixed file is picked up
     */
    public static CustomerEmailValidator defaultValidator() {
        CustomerEmailValidator v = defaultValidator;
        if (v == null) {
            synchronized (CustomerEmails.class) {
                v = defaultValidator;
                if (v == null) {
                    v = loadDefault();
                    defaultValidator = v;
                }
            }
        }
        return v;
    }

    private static volatile CustomerEmailValidator defaultValidator;

    /** Builds the default validator from the classpath configuration; package-private for tests. */
    static CustomerEmailValidator loadDefault() {
        try {
            return CustomerEmailValidator.builder().configureFromClasspath().build();
        } catch (ConfigurationException e) {
            throw new ValidationException("customer-email: " + e.getMessage(), e);
        }
    }

    /**
     * The normalized address when the input can be parsed as an address (safe repairs applied: trimmed, lower-cased,
     * {@code mailto:} and display name removed, comma in the domain replaced…), otherwise the input unchanged.
     * Never applies a typo suggestion and never uses DNS. {@code null} stays {@code null}.
     *
     * <p>Use it where the value is stored (setter, JPA {@code AttributeConverter}); keep {@link ValidCustomerEmail}
     * on the field to refuse what cannot be repaired.
     *
     * @param input the address as typed; may be {@code null}
     * @return the normalized address, or {@code input}
     */
    public static String normalizeOrKeep(String input) {
        return normalizeOrKeep(input, defaultValidator());
    }

    /**
     * Like {@link #normalizeOrKeep(String)}, with a configured validator (e.g. one that keeps the local part's case).
     *
     * @param input     the address as typed; may be {@code null}
     * @param validator the validator whose normalization applies
     * @return the normalized address, or {@code input}
     */
    public static String normalizeOrKeep(String input, CustomerEmailValidator validator) {
        Objects.requireNonNull(validator, "validator");
        if (input == null || input.isEmpty()) {
            return input;
        }
        return validator.checkOffline(input).normalized().orElse(input);
    }

}
