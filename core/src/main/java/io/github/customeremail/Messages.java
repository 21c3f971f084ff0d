package io.github.customeremail;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Renders finding messages from the bundled resource bundles.
 *
 * <p>A parameter whose value is a message id (lower-case letters, digits and hyphens, e.g.
 * {@code reason=gmail-characters}) is shown as the bundle's text under {@code <CODE>.<name>.<value>}
 * ({@code PROVIDER_MAILBOX_RULE.reason.gmail-characters}) when there is one, with the finding's parameters
 * substituted into it (one level only), so parameters that are part of the sentence are translated too. A
 * {@code date} parameter (an ISO day) is shown in the bundle's {@code format.date} pattern. Other values are
 * inserted literally and never scanned again.
 */
final class Messages {

    static final String BUNDLE = "io.github.customeremail.messages";

    /**
     * The catalogs made so far, by the locale asked for: {@code ResourceBundle.getBundle} looks its own cache up
     * with a new key object each call, and splitting a text is worth doing once. The answer does not depend on the
     * JVM's default locale (see {@link #load}), so it can be kept. Bounded: locales come from users' requests.
     */
    private static final ConcurrentMap<Locale, Catalog> CATALOGS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_LOCALES = 64;

    private Messages() {
    }

    static String render(Finding finding, Locale locale) {
        Catalog catalog = catalog(locale);
        MessageTemplate template = catalog.template(finding.code().id());
        if (template == null) {
            String custom = finding.parameter("message");
            return custom != null ? custom : finding.code().id();
        }
        return template.render(finding, catalog.dates);
    }

    /**
     * The bundle for the locale's language, or the root bundle (English) when there is none. Loaded through this
     * class's module, which works both on the class path and on the module path (where a
     * {@code ResourceBundle.Control} is not allowed).
     */
    static ResourceBundle bundle(Locale locale) {
        return catalog(locale).bundle;
    }

    private static Catalog catalog(Locale locale) {
        Catalog cached = CATALOGS.get(locale);
        if (cached != null) {
            return cached;
        }
        Catalog catalog = new Catalog(load(locale), locale);
        if (CATALOGS.size() < MAX_CACHED_LOCALES) {
            Catalog raced = CATALOGS.putIfAbsent(locale, catalog);
            return raced != null ? raced : catalog;
        }
        return catalog;
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

    static boolean isMessageId(String value) {
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

    /** One locale's bundle, its date format and its texts split into parts as they are first asked for. */
    private static final class Catalog {

        /** Bounded: custom finding codes are made by applications, but nothing stops one making many. */
        private static final int MAX_TEMPLATES = 512;
        /** Marks a code the bundle has no text for (a custom code), so the miss is not an exception each time. */
        private static final MessageTemplate MISSING = MessageTemplate.plain("");

        final ResourceBundle bundle;
        /** How a {@code date} parameter is shown; {@code null} when the bundle has no usable pattern. */
        final DateTimeFormatter dates;
        private final ConcurrentMap<String, MessageTemplate> templates = new ConcurrentHashMap<>();

        Catalog(ResourceBundle bundle, Locale locale) {
            this.bundle = bundle;
            this.dates = dateFormat(bundle, locale);
        }

        /** @return the code's text, split; {@code null} when the bundle has none */
        MessageTemplate template(String code) {
            MessageTemplate template = templates.get(code);
            if (template == null) {
                template = split(code);
                if (templates.size() < MAX_TEMPLATES) {
                    templates.putIfAbsent(code, template);
                }
            }
            return template == MISSING ? null : template;
        }

        private MessageTemplate split(String code) {
            String text = text(code);
            if (text == null) {
                return MISSING;
            }
            Map<String, Map<String, MessageTemplate>> translations =
                    MessageTemplate.translationsOf(code, bundle.keySet(), this::text);
            return MessageTemplate.of(text, translations);
        }

        private String text(String key) {
            try {
                return bundle.getString(key);
            } catch (MissingResourceException e) {
                return null;
            }
        }

        private static DateTimeFormatter dateFormat(ResourceBundle bundle, Locale locale) {
            try {
                return DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale);
            } catch (MissingResourceException | IllegalArgumentException e) {
                return null;
            }
        }
    }
}
