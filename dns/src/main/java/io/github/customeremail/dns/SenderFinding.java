package io.github.customeremail.dns;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one sender-readiness check: what was checked ({@code name}, e.g. {@code spf.lookups},
 * {@code dkim.s1}, {@code blocklist.dbl.spamhaus.org}), a stable {@link SenderCode} (which carries the status) and
 * the parameters of its message.
 *
 * @param name what was checked; stable for a given configuration, so that a change of status can be noticed
 * @param code the outcome
 * @param parameters values for the message placeholders (record text, counts, names), in a fixed order
 */
public record SenderFinding(String name, SenderCode code, Map<String, String> parameters) {

    /**
     * @throws NullPointerException if an argument is null
     */
    public SenderFinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static SenderFinding of(String name, SenderCode code, String... keysAndValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            p.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SenderFinding(name, code, p);
    }

    /** @return the status, as given by the code */
    public SenderStatus status() {
        return code.status();
    }

    /**
     * @param locale {@code es}, {@code en} or {@code pt} (other languages get English)
     * @return the message for whoever runs the mail setup, with the parameters filled in
     */
    public String message(Locale locale) {
        return SenderMessages.render(this, locale);
    }
}
