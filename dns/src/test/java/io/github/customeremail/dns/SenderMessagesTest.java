package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every sender code has a message in English, Spanish and Portuguese, with the same placeholders. */
class SenderMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    @Test
    void everyCodeHasTheSamePlaceholdersInEveryLanguage() {
        for (String lang : new String[] {"es", "pt"}) {
            ResourceBundle base = SenderMessages.bundle(Locale.ENGLISH);
            ResourceBundle other = SenderMessages.bundle(Locale.forLanguageTag(lang));
            assertThat(other.getLocale().getLanguage()).isEqualTo(lang);
            for (SenderCode code : SenderCode.values()) {
                assertThat(base.containsKey(code.name())).as(code.name()).isTrue();
                String translated = other.getString(code.name());
                assertThat(translated).as(lang + " " + code).isNotEqualTo(base.getString(code.name()));
                assertThat(placeholders(translated)).as(lang + " " + code)
                        .isEqualTo(placeholders(base.getString(code.name())));
            }
        }
    }

    @Test
    void noExtraKeys() {
        Set<String> codes = new TreeSet<>();
        for (SenderCode c : SenderCode.values()) {
            codes.add(c.name());
        }
        for (String lang : new String[] {"en", "es", "pt"}) {
            assertThat(new TreeSet<>(SenderMessages.bundle(Locale.forLanguageTag(lang)).keySet())).isEqualTo(codes);
        }
    }

    @Test
    void parametersAreInsertedOnceAndNeverReinterpreted() {
        SenderFinding f = SenderFinding.of("spf", SenderCode.SPF_FOUND, "domain", "x.test", "record", "{domain}");
        assertThat(f.message(Locale.ENGLISH)).isEqualTo("SPF record of x.test: {domain}");
        assertThat(f.message(Locale.forLanguageTag("pt-BR"))).isEqualTo("Registro SPF de x.test: {domain}");
        assertThat(f.message(Locale.forLanguageTag("es-CO"))).isEqualTo("Registro SPF de x.test: {domain}");
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
