package io.github.customeremail.service;

import java.util.List;
import java.util.Locale;

/** Picks the message language from {@code Accept-Language}: the languages the bundles have, Spanish by default. */
final class Languages {

    static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final List<Locale> SUPPORTED = List.of(SPANISH, Locale.ENGLISH, Locale.forLanguageTag("pt"));

    private Languages() {
    }

    static Locale pick(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SPANISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return found == null ? SPANISH : found;
        } catch (IllegalArgumentException e) {
            return SPANISH; // a malformed header is not worth an error
        }
    }
}
