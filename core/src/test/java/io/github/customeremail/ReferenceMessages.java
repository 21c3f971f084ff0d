package io.github.customeremail;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The straightforward rendering that {@link Messages} must agree with: the text looked up and scanned left to right
 * on every call, each message-id parameter looked up in the bundle, the date pattern read and compiled each time.
 * Test-only, kept as the definition of what a message says.
 */
final class ReferenceMessages {

    private ReferenceMessages() {
    }

    static String render(Finding finding, Locale locale) {
        String template = template(finding.code().id(), locale);
        if (template == null) {
            String custom = finding.parameter("message");
            return custom != null ? custom : finding.code().id();
        }
        return substitute(template, finding, locale);
    }

    private static ResourceBundle bundle(Locale locale) {
        Module module = Messages.class.getModule();
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale, module);
        String found = bundle.getLocale().getLanguage();
        if (!found.isEmpty() && !found.equals(locale.getLanguage())) {
            return ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT, module);
        }
        return bundle;
    }

    private static String template(String key, Locale locale) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static String substitute(String template, Finding finding, Locale locale) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        java.util.Map<String, String> translated = null;
        String date = finding.parameter("date");
        if (date != null && template.contains("{date}")) {
            String shown = localDate(date, locale);
            if (shown != null) {
                translated = new java.util.HashMap<>(finding.parameters());
                translated.put("date", shown);
            }
        }
        for (java.util.Map.Entry<String, String> p : finding.parameters().entrySet()) {
            if (Messages.isMessageId(p.getValue()) && template.contains("{" + p.getKey() + "}")) {
                String text = template(finding.code().id() + '.' + p.getKey() + '.' + p.getValue(), locale);
                if (text != null) {
                    if (translated == null) {
                        translated = new java.util.HashMap<>(finding.parameters());
                    }
                    translated.put(p.getKey(), substitute(text, finding));
                }
            }
        }
        return substitute(template, translated == null ? finding
                : new Finding(finding.code(), finding.severity(), translated));
    }

    private static String localDate(String iso, Locale locale) {
        String pattern = template("format.date", locale);
        if (pattern == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern(pattern, locale));
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The left-to-right scan, which {@link MessageTemplate} keeps unchanged for texts it does not split. */
    static String substitute(String template, Finding finding) {
        return MessageTemplate.scan(template, finding.parameters());
    }
}
