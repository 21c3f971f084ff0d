package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The typo corrector's precomputed indexes and memo: each must answer exactly what it replaces. */
class SearchIndexesTest {

    @Test
    void suffixDistancesAreTheEditDistancesTheyReplace() {
        KnownDomains known = KnownDomains.bundled();
        SuffixDistances distances = new SuffixDistances(known, TypoCorrector.SUFFIX_DISTANCE_LIMIT);
        TreeSet<String> suffixes = new TreeSet<>();
        for (String d : known.domains()) {
            KnownDomains.Entry e = known.get(d);
            if (!e.subdomain()) {
                suffixes.add(e.suffix());
            }
        }
        assertThat(suffixes).hasSizeLessThanOrEqualTo(SuffixDistances.MAX_SUFFIXES).contains("com", "com.ar", "es");
        for (String typed : suffixes) {
            int t = distances.indexOf(typed);
            assertThat(t).as(typed).isNotNegative();
            for (String target : suffixes) {
                assertThat(distances.distance(t, distances.indexOf(target))).as("%s -> %s", typed, target)
                        .isEqualTo(KeyboardDistance.distanceWithin(typed, target, TypoCorrector.SUFFIX_DISTANCE_LIMIT));
            }
        }
        assertThat(distances.indexOf("con")).isEqualTo(-1);
    }

    @Test
    void onlyTheMostCommonSuffixesAreKeptForALargeDictionary() {
        List<String> many = new java.util.ArrayList<>();
        for (String tld : List.of("com", "net", "org", "es", "co", "mx", "ar", "cl", "pe", "de", "fr", "it")) {
            for (int i = 0; i < 20; i++) {
                many.add("empresa" + i + ".com." + tld); // com.xx: a suffix per country
                many.add("empresa" + i + "." + tld);
            }
        }
        List<String> countryCodes = countryCodes();
        for (String cc : countryCodes) {
            many.add("empresa." + cc);
        }
        assertThat(countryCodes).hasSizeGreaterThan(SuffixDistances.MAX_SUFFIXES);
        SuffixDistances distances = new SuffixDistances(KnownDomains.of(many), TypoCorrector.SUFFIX_DISTANCE_LIMIT);
        assertThat(distances.indexOf("com")).isNotNegative();
        assertThat(distances.indexOf("com.mx")).isNotNegative();
        int kept = 0;
        for (String cc : countryCodes) {
            kept += distances.indexOf(cc) >= 0 ? 1 : 0;
        }
        assertThat(kept).isPositive().isLessThan(SuffixDistances.MAX_SUFFIXES);
    }

    private static List<String> countryCodes() {
        List<String> codes = new java.util.ArrayList<>();
        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                String cc = "" + a + b;
                if (TopLevelDomains.bundled().exists(cc)) {
                    codes.add(cc);
                }
            }
        }
        return codes;
    }

    @Test
    void dotlessLookupSkipsEveryDot() {
        StringTable<String> table = new StringTable<>(Map.of("gmailcom", "gmail.com", "hotmailcomar", "hotmail.com.ar"));
        assertThat(table.getSkipping("gmailc.om", '.')).isEqualTo("gmail.com");
        assertThat(table.getSkipping("hotmail.co.mar", '.')).isEqualTo("hotmail.com.ar");
        assertThat(table.getSkipping("gmail.com", '.')).isEqualTo("gmail.com");
        assertThat(table.getSkipping("gmail.co", '.')).isNull();
        assertThat(table.getSkipping("gmail.comx", '.')).isNull();
        assertThat(table.getSkipping("gm.ailcom.", '.')).isEqualTo("gmail.com");
        assertThat(KnownDomains.bundled().hasDotless("gmailc.om")).isTrue();
        assertThat(KnownDomains.bundled().hasDotless("empresa.com.co")).isFalse();
    }

    @Test
    void memoRemembersAnswersAndNoAnswer() {
        CorrectionMemo memo = new CorrectionMemo();
        TypoCorrector.Correction gmail = new TypoCorrector.Correction("gmail.com", 0.5, false);
        assertThat(memo.get("gmial.com")).isSameAs(CorrectionMemo.MISSING);
        memo.put("gmial.com", gmail);
        memo.put("empresa.com.co", null);
        assertThat(memo.get("gmial.com")).isSameAs(gmail);
        assertThat(memo.get("empresa.com.co")).isNull();
        assertThat(memo.get(new String("gmial.com"))).isSameAs(gmail);
        assertThat(memo.get("gmial.co")).isSameAs(CorrectionMemo.MISSING);
    }

    @Test
    void memoIsBoundedAndForgetsADomainWhoseSlotIsTaken() {
        CorrectionMemo memo = new CorrectionMemo();
        TypoCorrector.Correction first = new TypoCorrector.Correction("gmail.com", 0.5, false);
        memo.put("d0.com", first);
        int slots = 0;
        String rival = null;
        for (int i = 1; rival == null; i++) { // another domain of the same slot, found by trying
            String candidate = "d" + i + ".com";
            memo.put(candidate, null);
            if (memo.get("d0.com") == CorrectionMemo.MISSING) {
                rival = candidate;
            }
            slots = i;
        }
        assertThat(memo.get(rival)).isNull();
        assertThat(slots).isLessThan(1_000_000);
        memo.put("d0.com", first);
        assertThat(memo.get("d0.com")).isSameAs(first);
        assertThat(memo.get(rival)).isSameAs(CorrectionMemo.MISSING);
    }
}
