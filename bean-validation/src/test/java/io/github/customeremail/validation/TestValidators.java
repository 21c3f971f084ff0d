package io.github.customeremail.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import java.util.Locale;
import java.util.function.Supplier;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;

/** Bootstraps the real Hibernate Validator for the tests. */
final class TestValidators {

    private TestValidators() {
    }

    /** Hibernate Validator with the given interpolation locale and no XML configuration. */
    static HibernateValidatorConfiguration configure(Locale locale) {
        return Validation.byProvider(HibernateValidator.class)
                .configure()
                .ignoreXmlConfiguration()
                .defaultLocale(locale);
    }

    /**
     * A factory that creates {@link ValidCustomerEmailValidator} with the supplier (as Spring or CDI would, with
     * constructor injection) and every other validator the default way.
     */
    static ConstraintValidatorFactory injecting(Supplier<ValidCustomerEmailValidator> supplier) {
        ConstraintValidatorFactory defaults = Validation.byProvider(HibernateValidator.class).configure()
                .getDefaultConstraintValidatorFactory();
        return new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                return key == ValidCustomerEmailValidator.class ? key.cast(supplier.get()) : defaults.getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
                defaults.releaseInstance(instance);
            }
        };
    }
}
