package io.github.customeremail.dns;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders sender-readiness messages from the {@code sender-messages} bundles (English base, es, pt). */
final class SenderMessages {

    static final String BUNDLE = "io.github.customeremail.dns.sender-messages";

    private SenderMessages() {
    }

    /**
     * The bundle for the locale's language, or the root bundle (English) when there is none. Loaded through this
     * class's module, which works on the class path and on the module path (where a {@code ResourceBundle.Control}
     * is not allowed).
     */
    static ResourceBundle bundle(Locale locale) {
        Module module = SenderMessages.class.getModule();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, module);
        // No fallback to the JVM default locale: a server in Spain asked for English must answer in English.
        String found = bundle.getLocale().getLanguage();
        if (!found.isEmpty() && !found.equals(locale.getLanguage())) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, module);
        }
        return bundle;
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
