package io.github.customeremail.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import jakarta.validation.ConstraintValidator;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Validator must stay optional at run time: with only jakarta.validation-api, core and this module on the
 * class path, the validator loads and answers, and the default violation (no parameters) is left in place.
 */
class ProviderIndependenceTest {

    @Test
    void worksWithoutHibernateValidatorOnTheClassPath() throws Exception {
        URL[] path = {
                location(ValidCustomerEmailValidator.class),
                location(CustomerEmailValidator.class),
                location(ConstraintValidator.class)};
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            assertThat(loader.getResource("org/hibernate/validator/HibernateValidator.class")).isNull();

            Class<?> contextType = loader.loadClass("jakarta.validation.ConstraintValidatorContext");
            List<String> calls = new ArrayList<>();
            Object context = Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (proxy, method, args) -> {
                calls.add(method.getName());
                return null;
            });
            Class<?> validatorType = loader.loadClass(ValidCustomerEmailValidator.class.getName());
            assertThat(validatorType.getClassLoader()).isSameAs(loader);
            Object validator = validatorType.getConstructor().newInstance();
            Method isValid = validatorType.getMethod("isValid", CharSequence.class, contextType);

            assertThat(isValid.invoke(validator, "  Juan.Perez@Gmail,com ", context)).isEqualTo(true);
            assertThat(isValid.invoke(validator, "juan.gmail.com", context)).isEqualTo(false);
            assertThat(isValid.invoke(validator, null, context)).isEqualTo(true);
            // the default violation is kept: nothing was disabled or built
            assertThat(calls).isEmpty();
            assertThat(loader.findResources("org/hibernate").hasMoreElements()).isFalse();
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
