package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Measures the typo corrector, through the public facade, on labeled cases from other projects' test suites
 * ({@code ../shared/data/typos}, read in place): precision (of the suggestions made, how many are right), recall (of
 * the typos, how many get the right domain) and the false-positive rate on rows that must not be corrected.
 *
 * <p>Rows that this design deliberately answers otherwise are listed with a one-line reason in
 * {@code typo-accuracy-exclusions.tsv} (a test resource) and left out of the counts; {@link #exclusionsStillApply()}
 * checks that each listed row exists and that the "not in our dictionary" reasons are still true.
 */
class TypoCorrectorAccuracyTest {

    static final double MIN_PRECISION = 0.98;
    static final double MAX_FALSE_POSITIVE_RATE = 0.01;
    static final double MIN_RECALL = 0.85;
    static final String NONE = "NONE";

    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().build();

    /** One labeled case: what was typed, what should be suggested ({@code NONE}: nothing), and where from. */
    record Case(String typed, String expected, String source) {
        String key() {
            return typed + "\t" + expected;
        }
    }

    @Test
    void accuracyOnLabeledCasesMeetsTheBar() throws IOException {
        List<Case> cases = cases();
        Map<String, String> excluded = exclusions();
        Tally all = new Tally("all sources");
        Map<String, Tally> bySource = new LinkedHashMap<>();
        int skipped = 0;
        List<String> details = new ArrayList<>();
        for (Case c : cases) {
            if (excluded.containsKey(c.key())) {
                skipped++;
                continue;
            }
            EmailCheck check = validator.checkOffline("juan@" + c.typed());
            String suggested = check.suggestion().map(Suggestion::domain).orElse(null);
            String answer = suggested != null ? suggested : repaired(check, c.typed());
            Tally source = bySource.computeIfAbsent(shortSource(c.source()), Tally::new);
            all.add(c, suggested, answer);
            source.add(c, suggested, answer);
            if (!c.expected().equals(answer == null ? NONE : answer)) {
                details.add(String.format("  %-28s expected %-16s got %s   [%s]", c.typed(), c.expected(),
                        answer == null ? NONE : answer, shortSource(c.source())));
            }
        }
        System.out.println("Typo corrector accuracy (" + cases.size() + " rows, " + skipped
                + " excluded as answered otherwise by design):");
        System.out.println(all);
        bySource.values().forEach(t -> System.out.println("    " + t));
        if (Boolean.getBoolean("typo.details")) {
            details.forEach(System.out::println);
        }
        assertThat(all.precision()).as("precision " + all).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(all.falsePositiveRate()).as("false positives " + all).isLessThanOrEqualTo(MAX_FALSE_POSITIVE_RATE);
        assertThat(all.recall()).as("recall " + all).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void exclusionsStillApply() throws IOException {
        List<Case> cases = cases();
        Set<String> keys = new HashSet<>();
        cases.forEach(c -> keys.add(c.key()));
        KnownDomains known = KnownDomains.bundled();
        for (Map.Entry<String, String> e : exclusions().entrySet()) {
            assertThat(keys).as("excluded row is in the data: %s", e.getKey()).contains(e.getKey());
            String expected = e.getKey().substring(e.getKey().indexOf('\t') + 1);
            if (e.getValue().startsWith("target not in dictionary")) {
                assertThat(known.contains(expected)).as("still not in the dictionary: %s", expected).isFalse();
            }
        }
    }

    /**
     * The normalizer's safe repairs ({@code gmail.com.} → gmail.com) also hand the user the right address; they
     * count toward recall, never as suggestions (precision and false positives judge the corrector alone). Case
     * folding and IDN conversion are not corrections.
     *
     * @return the repaired domain when it differs from the typed one, else {@code null}
     */
    private static String repaired(EmailCheck check, String typed) {
        if (check.normalized().isEmpty() || check.has(FindingCode.IDN_CONVERTED)) {
            return null;
        }
        String normalized = check.normalized().get();
        String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
        return domain.equals(typed.toLowerCase(java.util.Locale.ROOT)) ? null : domain;
    }

    static List<Case> cases() throws IOException {
        Path tsv = SharedData.require("typos/labeled_typo_cases.tsv");
        Path valid = SharedData.require("typos/flanker_domain_typos_valid.txt");
        Path invalid = SharedData.require("typos/flanker_domain_typos_invalid.txt");
        List<Case> cases = new ArrayList<>();
        Set<String> flankerInTsv = new HashSet<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 3 || f[0].isEmpty()) {
                continue;
            }
            Case c = new Case(f[0], f[1], f[2] + (f.length > 3 && !f[3].isEmpty() ? " | " + f[3] : ""));
            cases.add(c);
            if (f[2].startsWith("mailgun/flanker")) {
                flankerInTsv.add(c.key());
            }
        }
        // The flanker files: rows already consolidated into the TSV are not counted twice.
        for (String line : Files.readAllLines(valid, StandardCharsets.UTF_8)) {
            int comma = line.lastIndexOf(',');
            if (line.startsWith("#") || comma <= 0) {
                continue;
            }
            Case c = new Case(line.substring(0, comma).trim(), line.substring(comma + 1).trim(), "flanker valid file");
            if (flankerInTsv.add(c.key())) {
                cases.add(c);
            }
        }
        for (String line : Files.readAllLines(invalid, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Case c = new Case(line.trim(), NONE, "flanker invalid file");
            if (flankerInTsv.add(c.key())) {
                cases.add(c);
            }
        }
        return cases;
    }

    static Map<String, String> exclusions() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = TypoCorrectorAccuracyTest.class.getResourceAsStream("typo-accuracy-exclusions.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("# ")) {
                    continue; // comments are "# ...": a typed domain may itself start with # (#gmail.com)
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3 || f[2].isBlank()) {
                    throw new IllegalStateException("typed<TAB>expected<TAB>reason expected: " + line);
                }
                if (out.put(f[0] + "\t" + f[1], f[2]) != null) {
                    throw new IllegalStateException("listed twice: " + line);
                }
            }
        }
        return out;
    }

    private static String shortSource(String source) {
        int space = source.indexOf(' ');
        return space < 0 ? source : source.substring(0, space);
    }

    /** Counts for precision, recall and false positives. */
    static final class Tally {
        final String name;
        int suggested;
        int suggestedRight;
        int typos;
        int typosFixed;
        int mustNot;
        int mustNotSuggested;
        int fixedByRepairs;

        Tally(String name) {
            this.name = name;
        }

        /**
         * @param suggestion the suggested domain, or {@code null}
         * @param answer     the suggestion, or else the domain the safe repairs produced, or {@code null}
         */
        void add(Case c, String suggestion, String answer) {
            boolean none = c.expected().equals(NONE);
            if (suggestion != null) {
                suggested++;
                if (suggestion.equals(c.expected())) {
                    suggestedRight++;
                }
            }
            if (none) {
                mustNot++;
                if (suggestion != null) {
                    mustNotSuggested++;
                }
            } else {
                typos++;
                if (c.expected().equals(answer)) {
                    typosFixed++;
                    if (suggestion == null) {
                        fixedByRepairs++;
                    }
                }
            }
        }

        double precision() {
            return suggested == 0 ? 1.0 : (double) suggestedRight / suggested;
        }

        double recall() {
            return typos == 0 ? 1.0 : (double) typosFixed / typos;
        }

        double falsePositiveRate() {
            return mustNot == 0 ? 0.0 : (double) mustNotSuggested / mustNot;
        }

        @Override
        public String toString() {
            return String.format("%-22s precision %6.2f %% (%d/%d)  recall %6.2f %% (%d/%d, %d by safe repairs)  "
                            + "false positives %5.2f %% (%d/%d)", name, 100 * precision(), suggestedRight, suggested,
                    100 * recall(), typosFixed, typos, fixedByRepairs, 100 * falsePositiveRate(), mustNotSuggested,
                    mustNot);
        }
    }
}
