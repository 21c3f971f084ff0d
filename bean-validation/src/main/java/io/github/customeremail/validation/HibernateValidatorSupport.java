package io.github.customeremail.validation;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
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
     *
     * <p>The reasons are rendered only when the interpolator reads them (see
     * {@link ValidCustomerEmailValidator.LocalizedReason}): a violation's message needs one language, not three.
     * Every value is escaped here and added without the factory's escaping, which would render each reason at once
     * (Hibernate Validator 9.1 escapes a parameter when it is added) and would escape it twice.
     */
    static void report(ConstraintValidatorContext context, EmailCheck check, Finding reason) {
        if (!(context instanceof HibernateConstraintValidatorContext hv)) {
            return;
        }
        add(hv, ValidCustomerEmailValidator.PARAM_REASON_ES,
                new ValidCustomerEmailValidator.LocalizedReason(reason, ValidCustomerEmailValidator.SPANISH));
        add(hv, ValidCustomerEmailValidator.PARAM_REASON_EN,
                new ValidCustomerEmailValidator.LocalizedReason(reason, Locale.ENGLISH));
        add(hv, ValidCustomerEmailValidator.PARAM_REASON_PT,
                new ValidCustomerEmailValidator.LocalizedReason(reason, ValidCustomerEmailValidator.PORTUGUESE));
        add(hv, ValidCustomerEmailValidator.PARAM_CODE, escape(reason.code().id()));
        add(hv, ValidCustomerEmailValidator.PARAM_VERDICT, check.verdict().name());
        add(hv, ValidCustomerEmailValidator.PARAM_SUGGESTION,
                check.suggestion().isPresent() ? escape(check.suggestion().get().address()) : "");
        add(hv, ValidCustomerEmailValidator.PARAM_NORMALIZED,
                check.normalized().isPresent() ? escape(check.normalized().get()) : "");
        hv.withDynamicPayload(check);
        hv.disableDefaultConstraintViolation();
        hv.buildConstraintViolationWithTemplate(hv.getDefaultConstraintMessageTemplate()).addConstraintViolation();
    }

    /** Adds a parameter whose text is already escaped: never escaped again, nor turned into text before it is read. */
    private static void add(HibernateConstraintValidatorContext hv, String name, Object escaped) {
        if (EXPLICIT_ESCAPING) {
            ExplicitEscaping.addAsIs(hv, name, escaped);
        } else {
            hv.addMessageParameter(name, escaped);
        }
    }

    /** The Hibernate Validator 9.1+ call, in its own class so that older versions never load it. */
    private static final class ExplicitEscaping {
        static void addAsIs(HibernateConstraintValidatorContext hv, String name, Object escaped) {
            hv.addMessageParameter(name, escaped, MessageParameterEscaping.NONE);
        }
    }

    /**
     * Escapes the characters that mean something to the message interpolator: {@code \ { } $}.
     *
     * @return the escaped text; {@code value} itself when it has none of them (the usual case)
     */
    static String escape(String value) {
        int first = 0;
        while (first < value.length() && !special(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (special(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean special(char c) {
        return c == '\\' || c == '{' || c == '}' || c == '$';
    }
}
