package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled confusables data against ICU4J's {@link SpoofChecker}, the reference implementation of UTS #39. */
class ConfusablesTest {

    private static final SpoofChecker ICU = new SpoofChecker.Builder().build();

    @Test
    void theSkeletonOfEveryCodePointIsIcus() {
        Confusables confusables = Confusables.bundled();
        List<String> differences = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT && differences.size() < 20; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF || !Character.isDefined(cp)) {
                continue; // the JDK's NFD is used at run time: code points it does not know are not compared
            }
            String s = new String(Character.toChars(cp));
            if (!confusables.skeleton(s).equals(ICU.getSkeleton(0, s))) {
                differences.add(String.format("U+%04X", cp));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theSkeletonOfEveryKnownDomainAndOfItsLookAlikesIsIcus() {
        Confusables confusables = Confusables.bundled();
        for (String domain : KnownDomains.bundled().domains()) {
            assertThat(confusables.skeleton(domain)).isEqualTo(ICU.getSkeleton(0, domain));
            String spoofed = domain.replace('a', '\u0430').replace('o', '\u03BF').replace('e', '\u0435');
            assertThat(confusables.skeleton(spoofed)).as(spoofed).isEqualTo(ICU.getSkeleton(0, spoofed))
                    .isEqualTo(confusables.skeleton(domain));
        }
    }

    @Test
    void mixedScriptsFollowUts39HighlyRestrictive() {
        assertThat(Confusables.mixesScripts("p\u0430ypal.com")).isTrue();          // Latin + Cyrillic
        assertThat(Confusables.mixesScripts("\u03B1bc.com")).isTrue();             // Greek + Latin
        assertThat(Confusables.mixesScripts("\u043F\u043E\u0447\u0442\u0430.\u0440\u0444")).isFalse(); // почта.рф
        assertThat(Confusables.mixesScripts("espa\u00F1a.es")).isFalse();
        assertThat(Confusables.mixesScripts("\u30BD\u30CB\u30FCsony.jp")).isFalse(); // Katakana + Latin
        assertThat(Confusables.mixesScripts("\u4E2D\u6587abc.cn")).isFalse();         // Han + Latin
        assertThat(Confusables.mixesScripts("\uD55C\uAD6D\u4E2D.kr")).isFalse();       // Hangul + Han
        assertThat(Confusables.mixesScripts("\u0430bc.\u0440\u0444")).isTrue();       // per label
    }
}
