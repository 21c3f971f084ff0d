package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the typo corrector over the bundled dictionary and mutations of its domains. */
class TypoCorrectorProperties {

    private static final CustomerEmailValidator VALIDATOR = CustomerEmailValidator.builder().build();
    private static final List<String> KNOWN = new ArrayList<>(KnownDomains.bundled().domains());

    @Provide
    Arbitrary<String> knownDomain() {
        return Arbitraries.of(KNOWN);
    }

    /** Known domains with one to three random slips: deleted, doubled, swapped, replaced or inserted characters. */
    @Provide
    Arbitrary<String> mistyped() {
        Arbitrary<Integer> op = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 40);
        Arbitrary<Character> c = Arbitraries.chars().with("abcdefghijklmnopqrstuvwxyz0123456789.-".toCharArray());
        Arbitrary<int[]> edit = Combinators.combine(op, position, c).as((o, p, ch) -> new int[] {o, p, ch});
        return Combinators.combine(knownDomain(), edit.list().ofMinSize(1).ofMaxSize(3)).as((d, edits) -> {
            StringBuilder s = new StringBuilder(d);
            for (int[] e : edits) {
                int p = e[1] % s.length();
                switch (e[0]) {
                    case 0 -> { if (s.length() > 1) { s.deleteCharAt(p); } }
                    case 1 -> s.insert(p, s.charAt(p));
                    case 2 -> { if (p + 1 < s.length()) { char t = s.charAt(p); s.setCharAt(p, s.charAt(p + 1));
                        s.setCharAt(p + 1, t); } }
                    case 3 -> s.setCharAt(p, (char) e[2]);
                    default -> s.insert(p, (char) e[2]);
                }
            }
            return s.toString();
        });
    }

    @Property(tries = 2_000)
    void noSuggestionForAnyDictionaryDomain(@ForAll("knownDomain") String domain) {
        EmailCheck check = VALIDATOR.check("juan@" + domain);
        assertThat(check.verdict()).as(domain).isEqualTo(Verdict.VALID);
        assertThat(check.suggestion()).isEmpty();
    }

    @Property(tries = 5_000)
    void aSuggestionIsAValidAddressAtAKnownDomain(@ForAll("mistyped") String domain) {
        EmailCheck check = VALIDATOR.check("juan@" + domain);
        check.suggestion().ifPresent(s -> {
            EmailCheck again = VALIDATOR.check(s.address());
            assertThat(again.verdict()).as("%s -> %s", domain, s.address()).isEqualTo(Verdict.VALID);
            assertThat(KnownDomains.bundled().contains(s.domain())).isTrue();
            assertThat(s.confidence()).isPositive().isLessThanOrEqualTo(1.0);
            assertThat(check.verdict()).isEqualTo(Verdict.SUGGEST);
        });
    }

    @Property(tries = 5_000)
    void suggestingTwiceSuggestsNothing(@ForAll("mistyped") String domain) {
        VALIDATOR.check("juan@" + domain).suggestion().ifPresent(s ->
                assertThat(VALIDATOR.check(s.address()).suggestion()).as(s.address()).isEmpty());
    }

    /**
     * The bit-parallel near-name test agrees with its definition: a common subsequence leaving at most two
     * characters of each side, computed here with the textbook quadratic table.
     */
    @Property(tries = 3_000)
    void nearNamesAreThoseWithinTwoDeletionsEachWay(@ForAll("mistyped") String domain) {
        KnownDomains known = KnownDomains.bundled();
        String name = firstLabel(domain);
        long letters = KnownDomains.letters(name, 0, name.length());
        for (int i = known.namesFrom(0); i < known.namesFrom(Integer.MAX_VALUE); i++) {
            String candidate = known.name(i).name();
            int common = longestCommonSubsequence(name, candidate);
            boolean expected = name.length() - common <= 2 && candidate.length() - common <= 2;
            assertThat(known.near(i, "<" + name + ">", 1, name.length() + 1, letters))
                    .as("%s ~ %s", name, candidate).isEqualTo(expected);
        }
    }

    /** The bit-parallel letter test of 64 names at once passes exactly the names whose letters pass near's test. */
    @Property(tries = 3_000)
    void bitParallelLetterTestAgreesWithNear(@ForAll("mistyped") String domain) {
        KnownDomains known = KnownDomains.bundled();
        String name = firstLabel(domain);
        long letters = KnownDomains.letters(name, 0, name.length());
        for (int i = 0; i < known.nameCount(); i++) {
            boolean passes = (known.nearLetters(i / 64, letters) & (1L << i)) != 0;
            assertThat(passes && known.nearSubsequence(i, name, 0, name.length()))
                    .as("%s ~ %s", name, known.name(i).name())
                    .isEqualTo(known.near(i, name, 0, name.length(), letters));
        }
    }

    /**
     * The distance of prepared strings is the plain distance to the last bit when within the limit, and above the
     * limit some value above it, and a lower bound of the distance up to rounding, otherwise.
     */
    @Property(tries = 2_000)
    void preparedDistanceIsThePlainDistance(@ForAll("mistyped") String typed) {
        KnownDomains known = KnownDomains.bundled();
        KeyboardDistance.Typed prepared = KeyboardDistance.Typed.of(typed);
        assertThat(prepared).as(typed).isNotNull();
        for (double limit : new double[] {0.0, 0.6, 1.05, 1.6, Double.POSITIVE_INFINITY}) {
            for (int i = 0; i < known.nameCount(); i++) {
                String name = known.name(i).name();
                double exact = KeyboardDistance.distance(typed, name);
                double fast = KeyboardDistance.distanceWithin(prepared, known.spelling(i), limit, null);
                if (exact <= limit) {
                    assertThat(fast).as("%s -> %s within %s", typed, name, limit).isEqualTo(exact);
                } else {
                    assertThat(fast).as("%s -> %s above %s", typed, name, limit).isGreaterThan(limit)
                            .isLessThanOrEqualTo(exact + 1e-9); // a bound summed otherwise than the table
                }
            }
        }
    }

    /**
     * The prepared distance computes only the diagonal band of its table an alignment within the limit can cross:
     * over any two strings and any limit, it is the full table's distance when that is within the limit, and
     * otherwise a value above the limit and at most that distance.
     */
    @Property(tries = 3_000)
    void bandedDistanceIsTheFullDistanceWithinAnyLimit(@ForAll("ldh") String typed, @ForAll("ldh") String known,
                                                      @ForAll("limits") double limit) {
        double exact = KeyboardDistance.distance(typed, known);
        double banded = KeyboardDistance.distanceWithin(KeyboardDistance.Typed.of(typed),
                KeyboardDistance.Spelling.of(known), limit, new double[3 * (known.length() + 1)]);
        if (exact <= limit) {
            assertThat(banded).as("%s -> %s within %s", typed, known, limit).isEqualTo(exact);
        } else {
            assertThat(banded).as("%s -> %s above %s", typed, known, limit).isGreaterThan(limit)
                    .isLessThanOrEqualTo(exact + 1e-9);
        }
    }

    /** Short strings of a few LDH characters and the dot, repeats and neighbouring keys likely. */
    @Provide
    Arbitrary<String> ldh() {
        return Arbitraries.strings().withChars("gmailhotkq.0o-".toCharArray()).ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<Double> limits() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0.0, 4.0).ofScale(2),
                Arbitraries.of(0.0, 0.5, 1.0, 1.5, 1.6, 2.0, Double.POSITIVE_INFINITY));
    }

    private static String firstLabel(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    private static int longestCommonSubsequence(String a, String b) {
        int[][] t = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                t[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.length()][b.length()];
    }

    /** A corrector answers the same from its memo as from a search, and after its slots have been overwritten. */
    @Property(tries = 2_000)
    void rememberedAnswersAreSearchedAnswers(@ForAll("mistyped") String domain) {
        TypoCorrector fresh = new TypoCorrector(KnownDomains.bundled(), PublicSuffixes.bundled());
        TypoCorrector.Correction searched = fresh.correct(domain, null);
        assertThat(fresh.correct(domain, null)).isEqualTo(searched);
        assertThat(TypoCorrector.bundled().correct(domain, null)).isEqualTo(searched);
    }
}
