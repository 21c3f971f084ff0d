package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The typo corrector's search with its shortcuts (names looked at only among those of about the typed length and
 * tested 64 at once by their letters, the precomputed suffix costs and flags of {@link NameDomainTable}, prepared
 * strings for the edit distances, distances bounded by the cheapest candidate so far) answers exactly what its
 * reference search answers, which tests every name of the dictionary and computes every cost with the plain edit
 * distance: same domain, same confidence to the last bit.
 */
class TypoSearchEquivalenceProperties {

    private static final TypoCorrector FAST = TypoCorrector.bundled().withoutMemo();
    private static final TypoCorrector REFERENCE = TypoCorrector.bundled().reference();

    private final TypoCorrectorProperties mutations = new TypoCorrectorProperties();

    @Provide
    Arbitrary<String> mistyped() {
        return mutations.mistyped();
    }

    /** Short LDH strings with the dictionary's suffixes or random ones: mostly names close to nothing. */
    @Provide
    Arbitrary<String> randomDomain() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(14);
        Arbitrary<String> suffix = Arbitraries.oneOf(
                Arbitraries.of("com", "es", "com.ar", "com.mx", "co", "net", "con", "cm", "com.co", "co.uk", "c"),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz.").ofMinLength(1).ofMaxLength(7));
        return net.jqwik.api.Combinators.combine(name, suffix).as((n, s) -> n + "." + s);
    }

    /**
     * A dictionary name with up to two slips under a dictionary suffix with up to two slips, or with a part run on
     * after it: the shortcuts of the search bound the name's and the suffix's distances by the cheapest candidate
     * so far, so both sides are varied here.
     */
    @Provide
    Arbitrary<String> nameAndSuffixSlips() {
        List<String> names = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        KnownDomains known = KnownDomains.bundled();
        for (String d : known.domains()) {
            KnownDomains.Entry e = known.get(d);
            if (!e.subdomain()) {
                names.add(e.name());
                suffixes.add(e.suffix());
            }
        }
        Arbitrary<String> name = slipped(Arbitraries.of(names), "abcdefghijklmnopqrstuvwxyz0123456789-");
        Arbitrary<String> suffix = Arbitraries.oneOf(slipped(Arbitraries.of(suffixes), "abcdefghijklmnopqrstuvwxyz."),
                net.jqwik.api.Combinators.combine(Arbitraries.of(suffixes), Arbitraries.of("co", "com", "b", "es", "x"))
                        .as((s, part) -> s + "." + part));
        return net.jqwik.api.Combinators.combine(name, suffix).as((n, s) -> n + "." + s)
                .filter(d -> !d.startsWith(".") && !d.endsWith(".") && !d.contains(".."));
    }

    /** {@code base} with zero to two slips: a character deleted, doubled, swapped with the next or replaced. */
    private static Arbitrary<String> slipped(Arbitrary<String> base, String alphabet) {
        Arbitrary<int[]> slip = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 30), Arbitraries.chars().with(alphabet.toCharArray()))
                .as((op, at, c) -> new int[] {op, at, c});
        return net.jqwik.api.Combinators.combine(base, slip.list().ofMaxSize(2)).as((s, slips) -> {
            StringBuilder b = new StringBuilder(s);
            for (int[] e : slips) {
                int p = e[1] % b.length();
                switch (e[0]) {
                    case 0 -> {
                        if (b.length() > 1) {
                            b.deleteCharAt(p);
                        }
                    }
                    case 1 -> b.insert(p, b.charAt(p));
                    case 2 -> {
                        if (p + 1 < b.length()) {
                            char t = b.charAt(p);
                            b.setCharAt(p, b.charAt(p + 1));
                            b.setCharAt(p + 1, t);
                        }
                    }
                    default -> b.setCharAt(p, (char) e[2]);
                }
            }
            return b.toString();
        });
    }

    @Property(tries = 20_000)
    void slipsInNameAndSuffixGetTheReferenceAnswer(@ForAll("nameAndSuffixSlips") String domain) {
        assertSameAnswer(domain);
    }

    @Property(tries = 20_000)
    void mistypedKnownDomainsGetTheReferenceAnswer(@ForAll("mistyped") String domain) {
        assertSameAnswer(domain);
    }

    @Property(tries = 10_000)
    void randomDomainsGetTheReferenceAnswer(@ForAll("randomDomain") String domain) {
        assertSameAnswer(domain);
    }

    @Test
    void labeledTypoCasesGetTheReferenceAnswer() throws IOException {
        List<TypoCorrectorAccuracyTest.Case> cases = TypoCorrectorAccuracyTest.cases();
        int compared = 0;
        int corrected = 0;
        for (TypoCorrectorAccuracyTest.Case c : cases) {
            String domain = c.typed().trim().toLowerCase(Locale.ROOT);
            if (!domain.isEmpty() && Normalizer.isAscii(domain)) {
                corrected += assertSameAnswer(domain) ? 1 : 0;
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(cases.size() / 2);
        assertThat(corrected).as("corrections among the labeled cases").isGreaterThan(compared / 4);
    }

    @Test
    void aDictionaryWithMoreSuffixesThanTheTableKeepsGetsTheReferenceAnswer() {
        // Suffixes beyond SuffixDistances.MAX_SUFFIXES are computed by the search itself: both paths at once.
        List<String> many = new ArrayList<>();
        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                if (TopLevelDomains.bundled().exists("" + a + b)) {
                    many.add("proveedora." + a + b);
                    many.add("proveedora.com." + a + b);
                }
            }
        }
        TypoCorrector fast = new TypoCorrector(KnownDomains.bundled().plus(many), PublicSuffixes.bundled())
                .withoutMemo();
        TypoCorrector reference = fast.reference();
        for (String typed : List.of("proveedor.com", "proveedoras.es", "porveedora.com.ar", "proveedora.con",
                "proveedora.com.zz", "provedora.co", "hotmial.com", "gmial.com.ar", "yahooo.co.uk")) {
            assertThat(fast.correct(typed, typed)).as(typed).isEqualTo(reference.correct(typed, typed));
        }
    }

    /** @return whether there was a correction */
    private static boolean assertSameAnswer(String domain) {
        TypoCorrector.Correction fast = FAST.correct(domain, domain);
        assertThat(fast).as(domain).isEqualTo(REFERENCE.correct(domain, domain));
        return fast != null;
    }
}
