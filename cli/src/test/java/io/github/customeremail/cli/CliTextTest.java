package io.github.customeremail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The command line's texts: every language has every key, placeholders are filled once and never rescanned. */
class CliTextTest {

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(CliText.BUNDLE, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void spanishAndPortugueseTranslateEveryKey() {
        ResourceBundle en = bundle("en");
        for (String language : new String[] {"es", "pt"}) {
            ResourceBundle other = bundle(language);
            assertThat(other.getLocale().getLanguage()).isEqualTo(language);
            for (String key : Collections.list(en.getKeys())) {
                assertThat(other.getString(key)).as(language + " " + key).isNotEqualTo(en.getString(key));
            }
        }
    }

    @Test
    void placeholdersAreFilledInOrderAndValuesAreNotRescanned() {
        CliText en = CliText.of(Locale.ENGLISH);
        assertThat(en.get("csv.fieldCount", 3, 6)).isEqualTo("3 fields where the header has 6");
        assertThat(en.get("audit.malformedRowReported", 7, "{0} {1}")).isEqualTo("line 7: {0} {1} (kept as is in the output)");
        assertThat(CliText.of(Locale.forLanguageTag("pt")).get("csv.unclosedQuote")).isEqualTo("aspas não fechadas");
        assertThat(CliText.of(Locale.GERMAN).get("csv.unclosedQuote")).isEqualTo("unclosed quote");
    }

    @Test
    void bounceLabelsOfALanguageEndInTheSameColumn() {
        for (String language : new String[] {"en", "es", "pt"}) {
            CliText text = CliText.of(Locale.forLanguageTag(language));
            assertThat(text.get("summary.bounceAsTyped")).as(language)
                    .hasSameSizeAs(text.get("summary.bounceAfterFixes")).endsWith(" ");
        }
    }
}
