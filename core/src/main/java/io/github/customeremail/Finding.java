package io.github.customeremail;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One thing the checker noticed about an address: a repair it made, a reason to reject, a warning, a typo.
 *
 * <p>The human message is rendered on demand in the caller's language with {@link #message(Locale)}; Spanish and
 * English are bundled. Parameters are plain values substituted into the message text; they are never interpreted
 * as templates or expressions.
 *
 * @param code       the stable code to switch on
 * @param severity   how it weighs on the verdict
 * @param parameters values for the message ({@code domain}, {@code suggestion}, …); may be empty
 */
public record Finding(FindingCode code, Severity severity, Map<String, String> parameters) {

    /** Validates and copies the components. */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /**
     * A finding without parameters.
     *
     * @param code     the code
     * @param severity the severity
     * @return the finding
     */
    public static Finding of(FindingCode code, Severity severity) {
        return new Finding(code, severity, Map.of());
    }

    /**
     * A finding with one parameter.
     *
     * @param code     the code
     * @param severity the severity
     * @param name     the parameter name
     * @param value    the parameter value
     * @return the finding
     */
    public static Finding of(FindingCode code, Severity severity, String name, String value) {
        return new Finding(code, severity, Map.of(name, String.valueOf(value)));
    }

    /**
     * Renders the message in the given language (Spanish and English are bundled; other languages fall back to
     * English). A custom code without a bundled message uses its {@code message} parameter, or else the code.
     *
     * @param locale the language wanted; {@code null} means English
     * @return the human message
     */
    public String message(Locale locale) {
        return Messages.render(this, locale == null ? Locale.ENGLISH : locale);
    }

    /**
     * @param name a parameter name
     * @return the parameter's value, or {@code null} when absent
     */
    public String parameter(String name) {
        return parameters.get(name);
    }
}
