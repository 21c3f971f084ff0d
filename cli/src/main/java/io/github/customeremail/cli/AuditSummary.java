package io.github.customeremail.cli;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.FindingCode;
import io.github.customeremail.Severity;
import io.github.customeremail.Suggestion;
import io.github.customeremail.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The counts of one audit, and their rendering as a text table or one JSON object. Memory is bounded: per finding
 * code, and at most {@link #MAX_TYPO_PAIRS} distinct typo pairs.
 */
final class AuditSummary {

    /** Distinct (typed domain → suggested domain) pairs kept; further pairs count only in the totals. */
    static final int MAX_TYPO_PAIRS = 10_000;
    /** Typo pairs listed in the summary. */
    static final int TOP_TYPOS = 10;

    long rows;
    long withEmail;
    long noEmail;
    long malformed;
    final long[] verdicts = new long[Verdict.values().length];
    final Map<String, long[]> findings = new HashMap<>();
    final Map<String, long[]> typos = new HashMap<>();
    long typoPairsNotListed;
    long wouldBounce;
    long bounceAsTyped;
    long safeFixes;
    long fixesToConfirm;
    long fixesWithoutId;

    /** Counts one checked row. */
    void add(EmailCheck check) {
        rows++;
        withEmail++;
        verdicts[check.verdict().ordinal()]++;
        boolean bounce = false;
        boolean broken = false;
        for (Finding f : check.findings()) {
            findings.computeIfAbsent(f.code().id(), k -> new long[1])[0]++;
            FindingCode.Category category = f.code().category();
            if (f.severity() == Severity.ERROR && category.undeliverable()) {
                bounce = true;
            }
            if (category == FindingCode.Category.REPAIR) {
                broken = true;
            }
        }
        if (check.verdict() == Verdict.INVALID && bounce) {
            wouldBounce++;
            bounceAsTyped++;
        } else if (check.verdict() == Verdict.SUGGEST) {
            bounceAsTyped++;
            Suggestion suggestion = check.suggestion().orElseThrow();
            String key = suggestion.typedDomain() + '\t' + suggestion.domain();
            long[] count = typos.get(key);
            if (count != null) {
                count[0]++;
            } else if (typos.size() < MAX_TYPO_PAIRS) {
                typos.put(key, new long[] {1});
            } else {
                typoPairsNotListed++;
            }
        } else if (broken && check.verdict() != Verdict.INVALID) {
            bounceAsTyped++;
        }
    }

    void addNoEmail() {
        rows++;
        noEmail++;
    }

    void addMalformed() {
        rows++;
        malformed++;
    }

    long verdict(Verdict v) {
        return verdicts[v.ordinal()];
    }

    /** @return rows that would bounce as typed / rows with an email, or NaN without any */
    double bounceRateBefore() {
        return withEmail == 0 ? Double.NaN : (double) bounceAsTyped / withEmail;
    }

    /** @return rows that would still bounce after the fixes / rows with an email, or NaN without any */
    double bounceRateAfter() {
        return withEmail == 0 ? Double.NaN : (double) wouldBounce / withEmail;
    }

    record Typo(String typed, String suggested, long count) { }

    List<Typo> topTypos() {
        List<Typo> all = new ArrayList<>(typos.size());
        typos.forEach((k, v) -> {
            int tab = k.indexOf('\t');
            all.add(new Typo(k.substring(0, tab), k.substring(tab + 1), v[0]));
        });
        all.sort(Comparator.comparingLong(Typo::count).reversed().thenComparing(Typo::typed));
        return all.subList(0, Math.min(TOP_TYPOS, all.size()));
    }

    List<Map.Entry<String, Long>> findingCounts() {
        List<Map.Entry<String, Long>> all = new ArrayList<>(findings.size());
        findings.forEach((k, v) -> all.add(Map.entry(k, v[0])));
        all.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return all;
    }

    /** Where the audit read and wrote, for the report. */
    record Files(String input, String encoding, char delimiter, String emailColumn, String output, String fixes,
                 long elapsedMillis) { }

    String json(Files files) {
        StringBuilder out = new StringBuilder(1024);
        out.append("{\"file\":");
        Json.string(out, files.input());
        out.append(",\"encoding\":");
        Json.string(out, files.encoding());
        out.append(",\"delimiter\":");
        if (files.delimiter() == '\0') {
            out.append("null");                 // a spreadsheet has no delimiter
        } else {
            Json.string(out, String.valueOf(files.delimiter()));
        }
        out.append(",\"email_column\":");
        Json.string(out, files.emailColumn());
        out.append(",\"output\":");
        Json.string(out, files.output());
        out.append(",\"fixes\":");
        Json.string(out, files.fixes());
        out.append(",\"rows\":").append(rows);
        out.append(",\"with_email\":").append(withEmail);
        out.append(",\"no_email\":").append(noEmail);
        out.append(",\"malformed\":").append(malformed);
        out.append(",\"verdicts\":{");
        for (Verdict v : Verdict.values()) {
            out.append(v.ordinal() == 0 ? "" : ",").append('"').append(v.name()).append("\":").append(verdict(v));
        }
        out.append("},\"findings\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : findingCounts()) {
            out.append(first ? "" : ",");
            Json.string(out, e.getKey());
            out.append(':').append(e.getValue());
            first = false;
        }
        out.append("},\"typo_domains\":[");
        first = true;
        for (Typo t : topTypos()) {
            out.append(first ? "{\"typed\":" : ",{\"typed\":");
            Json.string(out, t.typed());
            out.append(",\"suggested\":");
            Json.string(out, t.suggested());
            out.append(",\"count\":").append(t.count()).append('}');
            first = false;
        }
        out.append("],\"would_bounce\":").append(wouldBounce);
        out.append(",\"would_bounce_as_typed\":").append(bounceAsTyped);
        out.append(",\"bounce_rate_before\":").append(rate(bounceRateBefore()));
        out.append(",\"bounce_rate_after\":").append(rate(bounceRateAfter()));
        out.append(",\"fixes_safe\":").append(safeFixes);
        out.append(",\"fixes_to_confirm\":").append(fixesToConfirm);
        out.append(",\"fixes_without_id\":").append(fixesWithoutId);
        out.append(",\"elapsed_ms\":").append(files.elapsedMillis());
        return out.append('}').toString();
    }

    private static String rate(double r) {
        return Double.isNaN(r) ? "null" : String.format(Locale.ROOT, "%.4f", r);
    }

    String text(Files files, CliText text) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder(1024);
        out.append(files.delimiter() == '\0'
                ? text.get("summary.titleSheet", files.input(), files.encoding(), files.emailColumn())
                : text.get("summary.title", files.input(), files.encoding(), files.delimiter(), files.emailColumn()))
                .append(nl).append(nl);
        line(out, text.get("summary.rows"), rows, rows);
        line(out, "  " + text.get("summary.withEmail"), withEmail, rows);
        line(out, "  " + text.get("summary.noEmail"), noEmail, rows);
        line(out, "  " + text.get("summary.malformed"), malformed, rows);
        out.append(nl);
        for (Verdict v : Verdict.values()) {
            line(out, v.name(), verdict(v), withEmail);
        }
        out.append(nl);
        out.append(text.get("summary.bounceAsTyped"))
                .append(bounceAsTyped).append("  (").append(percent(bounceRateBefore())).append(')').append(nl);
        out.append(text.get("summary.bounceAfterFixes"))
                .append(wouldBounce).append("  (").append(percent(bounceRateAfter())).append(')').append(nl);
        List<Map.Entry<String, Long>> codes = findingCounts();
        if (!codes.isEmpty()) {
            out.append(nl).append(text.get("summary.findings")).append(nl);
            for (Map.Entry<String, Long> e : codes) {
                line(out, "  " + e.getKey(), e.getValue(), -1);
            }
        }
        List<Typo> top = topTypos();
        if (!top.isEmpty()) {
            out.append(nl).append(text.get("summary.typoDomains")).append(nl);
            for (Typo t : top) {
                line(out, "  " + t.typed() + " → " + t.suggested(), t.count(), -1);
            }
        }
        out.append(nl).append(label(text.get("summary.output"))).append(files.output()).append(nl);
        if (files.fixes() != null) {
            out.append(label(text.get("summary.forOdoo")))
                    .append(text.get("summary.fixCounts", files.fixes(), safeFixes, fixesToConfirm)).append(nl);
        }
        if (fixesWithoutId > 0) {
            out.append(text.get("summary.withoutId", fixesWithoutId)).append(nl);
        }
        return out.toString();
    }

    /** A label of the file lines, padded so that the file names line up. */
    private static String label(String label) {
        return String.format(Locale.ROOT, "%-13s", label);
    }

    private static void line(StringBuilder out, String label, long count, long total) {
        out.append(String.format(Locale.ROOT, "%-36s %9d", label, count));
        if (total > 0) {
            out.append(String.format(Locale.ROOT, "  %6.1f %%", 100.0 * count / total));
        }
        out.append(System.lineSeparator());
    }

    private static String percent(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * r);
    }
}
