package io.github.customeremail;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders finding messages from the bundled resource bundles. */
final class Messages {

    static final String BUNDLE = "io.github.customeremail.messages";

    /**
     * The bundles found so far, by the locale asked for: {@code ResourceBundle.getBundle} looks its own cache up
     * with a new key object each call, a good part of rendering one message. The answer does not depend on the
     * JVM's default locale (see {@link #load}), so it can be kept. Bounded: locales come from users' requests.
     */
    private static final java.util.concurrent.ConcurrentMap<Locale, ResourceBundle> BUNDLES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_LOCALES = 64;

    private Messages() {
    }

    static String render(Finding finding, Locale locale) {
        String template = template(finding.code().id(), locale);
        if (template == null) {
            String custom = finding.parameter("message");
            return custom != null ? custom : finding.code().id();
        }
        return substitute(template, finding, locale);
    }

    /**
     * The bundle for the locale's language, or the root bundle (English) when there is none. Loaded through this
     * class's module, which works both on the class path and on the module path (where a
     * {@code ResourceBundle.Control} is not allowed).
     */
    static ResourceBundle bundle(Locale locale) {
        ResourceBundle cached = BUNDLES.get(locale);
        if (cached != null) {
            return cached;
        }
        ResourceBundle bundle = load(locale);
        if (BUNDLES.size() < MAX_CACHED_LOCALES) {
            BUNDLES.putIfAbsent(locale, bundle);
        }
        return bundle;
    }


    private static ResourceBundle load(Locale locale) {
        Module module = Messages.class.getModule();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, module);
        // Without a bundle for the language, getBundle falls back to the JVM default locale's bundle; a server in
        // Spain asked for English or German must answer in English (the root bundle), not Spanish.
        String found = bundle.getLocale().getLanguage();
        if (!found.isEmpty() && !found.equals(locale.getLanguage())) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, module);
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

    /**
     * Like {@link #substitute(String, Finding)}, but a parameter whose value is a message id (lower-case letters,
     * digits and hyphens, e.g. {@code reason=gmail-characters}) is first looked up in the bundle under
     * {@code <CODE>.<name>.<value>} ({@code PROVIDER_MAILBOX_RULE.reason.gmail-characters}); when found, that text
     * (with the finding's parameters substituted into it, one level only) replaces the placeholder. So parameters
     * that are part of the sentence are translated too. Other values are inserted literally, as before.
     */
    static String substitute(String template, Finding finding, Locale locale) {
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
            if (isMessageId(p.getValue()) && template.contains("{" + p.getKey() + "}")) {
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

    /**
     * A {@code date} parameter holds an ISO day ({@code 2026-11-03}); it is shown in the bundle's
     * {@code format.date} pattern ({@code 3/11/2026} in Spanish).
     *
     * @return the day as the language writes it, or {@code null} when the value is not an ISO day
     */
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

    private static boolean isMessageId(String value) {
        if (value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
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
