package io.github.customeremail.dns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/**
 * Reads one domain's SPF record and walks it statically, depth first in evaluation order: counts the
 * DNS-querying terms through include and redirect (limit 10) and the lookups that find nothing (limit 2), finds
 * the final {@code all} and whether Amazon SES is authorized. No sender IP is involved. The walk is sequential,
 * so its state needs no locking: each step runs after the previous one completed.
 */
final class SpfAnalysis {

    static final int MAX_LOOKUPS = 10;
    static final int MAX_VOID_LOOKUPS = 2;
    /** RFC 7208 4.6.4: an {@code mx} mechanism whose MX lookup returns more names than this is a permerror. */
    static final int MAX_MX_NAMES = 10;
    /** The final {@code all} could not be determined. */
    private static final char ALL_UNKNOWN = 'U';
    /** No {@code all} and no redirect. */
    private static final char ALL_NONE = 'N';

    private final SenderDns dns;
    private final String prefix;
    private int lookups;
    private int voids;
    private final List<String> voidNames = new ArrayList<>();
    /** The records that could not be read, each with why, in the order met. */
    private final Map<String, String> unreadable = new LinkedHashMap<>();
    private boolean voidUncertain;
    private boolean sesIncluded;
    private boolean ptr;
    private final List<SenderFinding> problems = new ArrayList<>();

    private SpfAnalysis(SenderDns dns, String prefix) {
        this.dns = dns;
        this.prefix = prefix;
    }

    /**
     * Checks the SPF record of {@code domain}.
     *
     * @param dns the check's DNS
     * @param prefix the check-name prefix ({@code spf} or {@code mail-from.spf})
     * @param domain the domain whose record is read
     * @param envelope the envelope sender's domain: when it is {@code domain}, the record must authorize SES
     * @return the findings, in a fixed order; never completes exceptionally
     */
    static CompletableFuture<List<SenderFinding>> check(SenderDns dns, String prefix, String domain, String envelope) {
        SpfAnalysis a = new SpfAnalysis(dns, prefix);
        return a.run(domain, envelope).exceptionally(e -> List.of(SenderFinding.of(prefix, SenderCode.SPF_UNKNOWN,
                "domain", domain, "reason", "internal error: " + e.getClass().getSimpleName())));
    }

    /** One domain's record as read: the parsed record, or the finding that says why there is none. */
    private record Fetched(SpfRecord record, String text, SenderCode problem, String detail, Answer answer) {
    }

    private CompletableFuture<Fetched> fetch(String domain) {
        return dns.ask(domain, Type.TXT).thenApply(answer -> {
            if (answer.kind() == Answer.Kind.FAILURE) {
                return new Fetched(null, null, SenderCode.SPF_UNKNOWN, answer.reason(), answer);
            }
            List<String> spf = new ArrayList<>();
            for (String t : SenderDns.texts(answer)) {
                if (SpfRecord.isSpf(t)) {
                    spf.add(t);
                }
            }
            if (spf.isEmpty()) {
                return new Fetched(null, null, SenderCode.SPF_MISSING, null, answer);
            }
            if (spf.size() > 1) {
                return new Fetched(null, null, SenderCode.SPF_MULTIPLE, Integer.toString(spf.size()), answer);
            }
            SpfRecord.Parsed parsed = SpfRecord.parse(spf.get(0));
            if (parsed.record() == null) {
                return new Fetched(null, spf.get(0), SenderCode.SPF_SYNTAX, parsed.badTerm(), answer);
            }
            return new Fetched(parsed.record(), spf.get(0), null, null, answer);
        });
    }

    private CompletableFuture<List<SenderFinding>> run(String domain, String envelope) {
        return fetch(domain).thenCompose(top -> {
            if (top.problem() != null) {
                return CompletableFuture.completedFuture(List.of(topProblem(domain, top)));
            }
            Set<String> path = Set.of(domain);
            return walk(top.record(), domain, path).thenApply(all -> findings(domain, envelope, top.text(), all));
        });
    }

    private SenderFinding topProblem(String domain, Fetched f) {
        return switch (f.problem()) {
            case SPF_UNKNOWN -> SenderFinding.of(prefix, f.problem(), "domain", domain, "reason", f.detail());
            case SPF_MULTIPLE -> SenderFinding.of(prefix, f.problem(), "domain", domain, "count", f.detail());
            case SPF_SYNTAX -> SenderFinding.of(prefix, f.problem(), "domain", domain, "term", f.detail(),
                    "record", f.text());
            default -> SenderFinding.of(prefix, f.problem(), "domain", domain);
        };
    }

    /** Walks one record; completes with its effective final {@code all} qualifier. */
    private CompletableFuture<Character> walk(SpfRecord record, String owner, Set<String> path) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        Character ownAll = null;
        SpfRecord.Modifier redirect = null;
        for (SpfRecord.Term term : record.terms()) {
            if (term instanceof SpfRecord.Mechanism m) {
                if (m.kind().equals("all") && ownAll == null) {
                    ownAll = m.qualifier();
                }
                if (m.queriesDns()) {
                    chain = chain.thenCompose(x -> mechanism(m, owner, path));
                }
            } else if (term instanceof SpfRecord.Modifier mod && mod.name().equals("redirect")) {
                redirect = mod;
            }
        }
        if (ownAll != null || redirect == null) {
            char all = ownAll != null ? ownAll : ALL_NONE; // RFC 7208 6.1: redirect is ignored when all is present
            return chain.thenApply(x -> all);
        }
        SpfRecord.Modifier r = redirect;
        return chain.thenCompose(x -> follow(r.value(), r.macro(), path, true));
    }

    private CompletableFuture<Void> mechanism(SpfRecord.Mechanism m, String owner, Set<String> path) {
        if (lookups > MAX_LOOKUPS) {
            return CompletableFuture.completedFuture(null); // already over the limit: stop querying
        }
        lookups++;
        String target = m.domain() == null ? owner : stripDot(m.domain());
        switch (m.kind()) {
            case "include" -> {
                return follow(m.domain(), m.macro(), path, false).thenApply(all -> null);
            }
            case "ptr" -> {
                ptr = true;
                return CompletableFuture.completedFuture(null); // depends on the sender's IP
            }
            case "a" -> {
                if (m.macro()) {
                    return CompletableFuture.completedFuture(null);
                }
                CompletableFuture<Answer> a = dns.ask(target, Type.A);
                CompletableFuture<Answer> aaaa = dns.ask(target, Type.AAAA);
                return a.thenCombine(aaaa, (x, y) -> {
                    if (x.kind() == Answer.Kind.DATA || y.kind() == Answer.Kind.DATA) {
                        return null;
                    }
                    voidOrUncertain(target, SenderDns.negative(x) && SenderDns.negative(y));
                    return null;
                });
            }
            default -> { // mx, exists
                if (m.macro()) {
                    return CompletableFuture.completedFuture(null);
                }
                boolean mx = m.kind().equals("mx");
                return dns.ask(target, mx ? Type.MX : Type.A).thenApply(x -> {
                    if (x.kind() != Answer.Kind.DATA) {
                        voidOrUncertain(target, SenderDns.negative(x));
                    } else if (mx) {
                        mxNames(target, x);
                    }
                    return null;
                });
            }
        }
    }

    /**
     * The MX lookup of one {@code mx} mechanism counts once toward the 10 lookups whatever it returns, but more
     * than 10 MX names make receivers answer permerror (RFC 7208 4.6.4), since each name is then looked up.
     */
    private void mxNames(String target, Answer answer) {
        Set<String> names = new LinkedHashSet<>();
        for (org.xbill.DNS.Record r : answer.records()) {
            if (r instanceof MXRecord mx) {
                names.add(mx.getTarget().toString(true).toLowerCase(Locale.ROOT));
            }
        }
        if (names.size() > MAX_MX_NAMES) {
            problems.add(SenderFinding.of(prefix + ".mx." + target, SenderCode.SPF_MX_TOO_MANY_NAMES,
                    "target", target, "count", Integer.toString(names.size())));
        }
    }

    private void voidOrUncertain(String name, boolean isVoid) {
        if (isVoid) {
            voids++;
            voidNames.add(name);
        } else {
            voidUncertain = true;
        }
    }

    /** Follows an include or a redirect; completes with the target's final {@code all}. */
    private CompletableFuture<Character> follow(String spec, boolean macro, Set<String> path, boolean isRedirect) {
        if (isRedirect) {
            if (lookups > MAX_LOOKUPS) {
                return CompletableFuture.completedFuture(ALL_UNKNOWN);
            }
            lookups++;
        }
        if (macro) {
            return CompletableFuture.completedFuture(ALL_UNKNOWN); // expanded per message: cannot be followed
        }
        String target = stripDot(spec).toLowerCase(Locale.ROOT);
        if (target.equals(SesNames.DEFAULT_MAIL_FROM)) {
            sesIncluded = true;
        }
        if (path.contains(target)) {
            problems.add(SenderFinding.of(prefix + ".include." + target, SenderCode.SPF_INCLUDE_LOOP,
                    "target", target));
            return CompletableFuture.completedFuture(ALL_UNKNOWN);
        }
        return fetch(target).thenCompose(f -> {
            if (f.problem() == null) {
                Set<String> deeper = new HashSet<>(path);
                deeper.add(target);
                return walk(f.record(), target, deeper);
            }
            switch (f.problem()) {
                case SPF_UNKNOWN -> unreadable.putIfAbsent(target, f.detail());
                case SPF_MISSING -> {
                    if (SenderDns.negative(f.answer())) {
                        voidOrUncertain(target, true);
                    }
                    problems.add(SenderFinding.of(prefix + ".include." + target, SenderCode.SPF_INCLUDE_MISSING,
                            "target", target));
                }
                default -> problems.add(SenderFinding.of(prefix + ".include." + target,
                        SenderCode.SPF_INCLUDE_INVALID, "target", target));
            }
            return CompletableFuture.completedFuture(ALL_UNKNOWN);
        });
    }

    private List<SenderFinding> findings(String domain, String envelope, String text, char all) {
        List<SenderFinding> out = new ArrayList<>();
        out.add(SenderFinding.of(prefix, SenderCode.SPF_FOUND, "domain", domain, "record", text));
        String count = Integer.toString(lookups);
        String lookupsName = prefix + ".lookups";
        if (lookups > MAX_LOOKUPS) {
            out.add(SenderFinding.of(lookupsName, SenderCode.SPF_TOO_MANY_LOOKUPS, "domain", domain,
                    "count", count));
        } else if (!unreadable.isEmpty()) {
            List<String> why = new ArrayList<>();
            unreadable.forEach((target, reason) -> why.add(target + " (" + reason + ")"));
            out.add(SenderFinding.of(lookupsName, SenderCode.SPF_LOOKUPS_UNKNOWN, "domain", domain,
                    "count", count, "targets", String.join(", ", why)));
        } else {
            out.add(SenderFinding.of(lookupsName, SenderCode.SPF_LOOKUPS_OK, "domain", domain, "count", count));
        }
        String voidName = prefix + ".void-lookups";
        if (voids > MAX_VOID_LOOKUPS) {
            out.add(SenderFinding.of(voidName, SenderCode.SPF_TOO_MANY_VOID_LOOKUPS, "domain", domain,
                    "count", Integer.toString(voids), "names", String.join(", ", voidNames)));
        } else if (unreadable.isEmpty() && !voidUncertain && lookups <= MAX_LOOKUPS) {
            out.add(SenderFinding.of(voidName, SenderCode.SPF_VOID_LOOKUPS_OK, "domain", domain,
                    "count", Integer.toString(voids)));
        }
        out.addAll(problems);
        out.add(allFinding(domain, all));
        if (ptr) {
            out.add(SenderFinding.of(prefix + ".ptr", SenderCode.SPF_PTR, "domain", domain));
        }
        String sesName = prefix + ".ses";
        if (sesIncluded) {
            out.add(SenderFinding.of(sesName, SenderCode.SPF_SES_INCLUDED, "domain", domain));
        } else if (envelope.equals(domain)) {
            out.add(SenderFinding.of(sesName, SenderCode.SPF_SES_MISSING, "domain", domain));
        } else {
            out.add(SenderFinding.of(sesName, SenderCode.SPF_SES_NOT_NEEDED, "domain", domain,
                    "envelope", envelope));
        }
        return out;
    }

    private SenderFinding allFinding(String domain, char all) {
        SenderCode code = switch (all) {
            case '-' -> SenderCode.SPF_ALL_FAIL;
            case '~' -> SenderCode.SPF_ALL_SOFTFAIL;
            case '?' -> SenderCode.SPF_ALL_NEUTRAL;
            case '+' -> SenderCode.SPF_ALL_PASS;
            case ALL_NONE -> SenderCode.SPF_NO_ALL;
            default -> SenderCode.SPF_ALL_UNKNOWN;
        };
        return SenderFinding.of(prefix + ".all", code, "domain", domain);
    }

    private static String stripDot(String d) {
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
