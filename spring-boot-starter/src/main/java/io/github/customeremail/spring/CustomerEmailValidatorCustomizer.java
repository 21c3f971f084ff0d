package io.github.customeremail.spring;

import io.github.customeremail.CustomerEmailValidator;

/**
 * Adjusts the auto-configured {@link CustomerEmailValidator} after the {@code customer-email.*} properties were
 * applied, e.g. to add a custom {@code PolicyRule}. Declare it as a bean; customizers run in their {@code @Order}.
 */
@FunctionalInterface
public interface CustomerEmailValidatorCustomizer {

    /** @param builder the builder, with the properties already applied */
    void customize(CustomerEmailValidator.Builder builder);
}
