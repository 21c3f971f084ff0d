package io.github.customeremail.cli;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line's own texts in one language, from the resource bundle {@value #BUNDLE} ({@code messages.properties}
 * English, {@code messages_es}, {@code messages_pt}): a new language is a new file. Finding messages come from core.
 */
final class CliText {

    static final String BUNDLE = "io.github.customeremail.cli.messages";

    // No fallback to the JVM default locale: a terminal in Spain asked for English answers in English.
    private static final ResourceBundle.Control NO_DEFAULT_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private CliText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * @param locale the language wanted
     * @return its texts (English for a language without its own file)
     */
    static CliText of(Locale locale) {
        return new CliText(ResourceBundle.getBundle(BUNDLE, locale, CliText.class.getClassLoader(),
                NO_DEFAULT_FALLBACK));
    }

    /**
     * @param key  a key of the bundle
     * @param args the values of {@code {0}}, {@code {1}}…, inserted as they are and never scanned again
     * @return the text
     */
    String get(String key, Object... args) {
        String template = bundle.getString(key);
        if (args.length == 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i + 1) : -1;
            if (end == i + 2 && template.charAt(i + 1) >= '0' && template.charAt(i + 1) - '0' < args.length) {
                out.append(args[template.charAt(i + 1) - '0']);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
