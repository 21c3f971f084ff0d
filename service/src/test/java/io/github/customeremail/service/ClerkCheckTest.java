package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClerkCheckTest {

    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().build();
    private final Locale spanish = Locale.forLanguageTag("es");

    @Test
    void aSingleCheckAsksDidYouMeanOnlyOnItsButtonWhileTheListKeepsEveryReason() {
        ClerkCheck typo = ClerkCheck.of(validator.checkOffline("juan@gmial.com"), spanish, null);

        assertThat(typo.suggestion()).isEqualTo("juan@gmail.com");
        assertThat(typo.reasons()).contains("¿Quiso decir juan@gmail.com?");
        assertThat(typo.reasonsBesideSuggestion()).doesNotContain("¿Quiso decir juan@gmail.com?");
    }

    @Test
    void aLookalikeKeepsItsReasonBecauseItSaysMoreThanTheButton() {
        ClerkCheck lookalike = ClerkCheck.of(validator.checkOffline("juan@gm\u0430il.com"), spanish, null);

        assertThat(lookalike.suggestion()).isEqualTo("juan@gmail.com");
        assertThat(lookalike.reasonsBesideSuggestion()).anySatisfy(r -> assertThat(r).contains("imita a"));
    }

    @Test
    void withoutASuggestionEveryReasonIsShown() {
        ClerkCheck invalid = ClerkCheck.of(validator.checkOffline("ventas(at)tumatera.com"), spanish, null);

        assertThat(invalid.suggestion()).isNull();
        assertThat(invalid.reasonsBesideSuggestion()).isEqualTo(invalid.reasons()).isNotEmpty();
    }
}
