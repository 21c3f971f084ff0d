package io.github.customeremail.dns;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders sender-readiness messages from the {@code sender-messages} bundles (English base, es, pt). */
final class SenderMessages {

    static final String BUNDLE = "io.github.customeremail.dns.sender-messages";

    // No fallback to the JVM default locale: a server in Spain asked for English must answer in English.
    private static final ResourceBundle.Control NO_DEFAULT_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private SenderMessages() {
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, SenderMessages.class.getClassLoader(), NO_DEFAULT_FALLBACK);
    }

    static String render(SenderFinding finding, Locale locale) {
        String template;
        try {
            template = bundle(locale).getString(finding.code().name());
        } catch (MissingResourceException e) {
            return finding.code().name();
        }
        return substitute(template, finding.parameters());
    }

    /**
     * Replaces {@code {name}} with the parameter's value in one left-to-right pass; values are never scanned
     * again, so text read from DNS cannot inject placeholders.
     */
    static String substitute(String template, java.util.Map<String, String> parameters) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i + 1) : -1;
            String value = end > i ? parameters.get(template.substring(i + 1, end)) : null;
            if (value != null) {
                out.append(value);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
