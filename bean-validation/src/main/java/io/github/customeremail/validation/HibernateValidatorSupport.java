package io.github.customeremail.validation;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.hibernate.validator.messageinterpolation.MessageParameterEscaping;

/**
 * Everything that needs Hibernate Validator, kept in one class that is loaded only when Hibernate Validator is on the
 * class path ({@link ValidCustomerEmailValidator} checks that first), so that the module runs with any Bean
 * Validation provider.
 */
final class HibernateValidatorSupport {

    /**
     * Hibernate Validator 9.1 escapes message parameters itself ({@code MessageParameterEscaping}, configurable per
     * factory); the parameters are added with explicit escaping so that an application setting the factory default to
     * {@code NONE} does not open the door to EL injection. Older versions get the values escaped here, as their own
     * built-in validators do.
     */
    private static final boolean EXPLICIT_ESCAPING = isPresent(
            "org.hibernate.validator.messageinterpolation.MessageParameterEscaping");

    private HibernateValidatorSupport() {
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, HibernateValidatorSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return the constraint validator payload when it is a {@code CustomerEmailValidator}, else {@code null} */
    static CustomerEmailValidator payload(ConstraintValidatorContext context) {
        if (context instanceof HibernateConstraintValidatorContext hv) {
            return hv.getConstraintValidatorPayload(CustomerEmailValidator.class);
        }
        return null;
    }

    /**
     * Replaces the default violation by a custom one with the same template (custom violations have Expression
     * Language disabled unless the application enables it) and adds the parameters, escaped, so that nothing typed
     * by the user is ever read as a template, a message key or an expression. The template is the constraint's own
     * message (a constant of the application or of this module), never built from the input.
     */
    static void report(ConstraintValidatorContext context, Map<String, String> parameters, EmailCheck check) {
        if (!(context instanceof HibernateConstraintValidatorContext hv)) {
            return;
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (EXPLICIT_ESCAPING) {
                ExplicitEscaping.add(hv, p.getKey(), p.getValue());
            } else {
                hv.addMessageParameter(p.getKey(), escape(p.getValue()));
            }
        }
        hv.withDynamicPayload(check);
        hv.disableDefaultConstraintViolation();
        hv.buildConstraintViolationWithTemplate(hv.getDefaultConstraintMessageTemplate()).addConstraintViolation();
    }

    /** The Hibernate Validator 9.1+ call, in its own class so that older versions never load it. */
    private static final class ExplicitEscaping {
        static void add(HibernateConstraintValidatorContext hv, String name, String value) {
            hv.addMessageParameter(name, value, MessageParameterEscaping.ESCAPE);
        }
    }

    /** Escapes the characters that mean something to the message interpolator: {@code \ { } $}. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
