package io.github.customeremail;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders finding messages from the bundled resource bundles. */
final class Messages {

    static final String BUNDLE = "io.github.customeremail.messages";

    // No fallback to the JVM default locale: a server in Spain asked for English must answer in English.
    private static final ResourceBundle.Control NO_DEFAULT_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    static String render(Finding finding, Locale locale) {
        String template = template(finding.code().id(), locale);
        if (template == null) {
            String custom = finding.parameter("message");
            return custom != null ? custom : finding.code().id();
        }
        return substitute(template, finding);
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_DEFAULT_FALLBACK);
    }

    private static String template(String key, Locale locale) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * Replaces {@code {name}} with the parameter's value in one left-to-right pass. Substituted values are never
     * scanned again, so user input inside a parameter cannot inject placeholders.
     */
    static String substitute(String template, Finding finding) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i + 1);
                if (end > i) {
                    String value = finding.parameter(template.substring(i + 1, end));
                    if (value != null) {
                        out.append(value);
                        i = end + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
