package io.github.customeremail.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Type;

/** DMARC: the record at {@code _dmarc.DOMAIN}, its policy, its report destinations, and alignment under SES. */
final class DmarcChecks {

    private DmarcChecks() {
    }

    /**
     * @param record the parsed record, or {@code null} when there is none usable
     * @param findings what was found, alignment excluded
     */
    record Read(DmarcRecord record, List<SenderFinding> findings) {
    }

    static CompletableFuture<Read> read(SenderDns dns, SenderDomain d) {
        return find(dns, d, d.domain());
    }

    /**
     * Reads {@code _dmarc.AT}. When there is no record there (an answer, not a failure) and AT has a parent of at
     * least two labels, reads the parent's: a sending subdomain falls under its organizational domain's record,
     * whose {@code sp} then applies (RFC 7489 6.6.3; the RFC 9989 tree walk goes up the same way).
     */
    private static CompletableFuture<Read> find(SenderDns dns, SenderDomain d, String at) {
        String name = "_dmarc." + at;
        return dns.ask(name, Type.TXT).thenCompose(answer -> {
            if (answer.kind() == Answer.Kind.FAILURE) {
                return done(SenderFinding.of("dmarc", SenderCode.DMARC_UNKNOWN, "name", name,
                        "reason", answer.reason()));
            }
            List<String> records = SenderDns.texts(answer).stream().filter(DmarcRecord::isDmarc).toList();
            if (records.isEmpty()) {
                int dot = at.indexOf('.');
                if (at.indexOf('.', dot + 1) > 0) {
                    return find(dns, d, at.substring(dot + 1));
                }
                return done(SenderFinding.of("dmarc", SenderCode.DMARC_MISSING, "name", "_dmarc." + d.domain()));
            }
            if (records.size() > 1) {
                return done(SenderFinding.of("dmarc", SenderCode.DMARC_MULTIPLE, "name", name,
                        "count", Integer.toString(records.size())));
            }
            DmarcRecord.Parsed parsed = DmarcRecord.parse(records.get(0));
            if (parsed.record() == null) {
                return done(SenderFinding.of("dmarc", SenderCode.DMARC_MALFORMED, "name", name,
                        "term", parsed.badTerm(), "record", records.get(0)));
            }
            return judge(dns, d, at, parsed.record(), records.get(0));
        });
    }

    private static CompletableFuture<Read> done(SenderFinding f) {
        return CompletableFuture.completedFuture(new Read(null, List.of(f)));
    }

    /** Judges the record found at {@code _dmarc.AT}, AT being the sending domain or its organizational domain. */
    private static CompletableFuture<Read> judge(SenderDns dns, SenderDomain d, String at, DmarcRecord r,
                                                 String text) {
        boolean own = at.equals(d.domain());
        String policy = own ? r.policy() : r.subdomainPolicy();
        List<SenderFinding> out = new ArrayList<>();
        out.add(SenderFinding.of("dmarc", SenderCode.DMARC_FOUND, "name", "_dmarc." + at, "record", text));
        out.add(policy.equals("none")
                ? SenderFinding.of("dmarc.policy", SenderCode.DMARC_POLICY_NONE, "domain", d.domain())
                : SenderFinding.of("dmarc.policy", SenderCode.DMARC_POLICY_OK, "domain", d.domain(),
                        "policy", policy));
        if (r.pct() < 100 && !policy.equals("none")) {
            out.add(SenderFinding.of("dmarc.pct", SenderCode.DMARC_PCT_PARTIAL, "pct", Integer.toString(r.pct()),
                    "policy", policy));
        }
        if (own && strength(r.subdomainPolicy()) < strength(r.policy())) {
            out.add(SenderFinding.of("dmarc.sp", SenderCode.DMARC_SUBDOMAIN_POLICY_WEAKER,
                    "sp", r.subdomainPolicy(), "policy", r.policy()));
        }
        if (r.rua().isEmpty()) {
            out.add(SenderFinding.of("dmarc.reports", SenderCode.DMARC_NO_REPORTS, "domain", at));
        }
        List<CompletableFuture<SenderFinding>> destinations = new ArrayList<>();
        for (String dest : r.rua()) {
            destinations.add(destination(dns, at, "dmarc.rua." + dest, dest));
        }
        for (String dest : r.ruf()) {
            destinations.add(destination(dns, at, "dmarc.ruf." + dest, dest));
        }
        return Parts.all(destinations).thenApply(found -> {
            out.addAll(found);
            return new Read(r, out);
        });
    }

    private static int strength(String policy) {
        return switch (policy) {
            case "reject" -> 2;
            case "quarantine" -> 1;
            default -> 0;
        };
    }

    /**
     * RFC 7489 7.1: a destination outside the domain's organization must publish
     * {@code DOMAIN._report._dmarc.DEST} TXT {@code v=DMARC1}. Without a public-suffix list here, a destination
     * counts as the same organization when one domain is the other or a subdomain of it.
     */
    private static CompletableFuture<SenderFinding> destination(SenderDns dns, String domain, String check,
                                                                String dest) {
        if (dest.equals(domain) || dest.endsWith("." + domain) || domain.endsWith("." + dest)) {
            return CompletableFuture.completedFuture(SenderFinding.of(check, SenderCode.DMARC_REPORTS_INTERNAL,
                    "destination", dest));
        }
        String name = domain + "._report._dmarc." + dest;
        return dns.ask(name, Type.TXT).thenApply(a -> {
            if (a.kind() == Answer.Kind.FAILURE) {
                return SenderFinding.of(check, SenderCode.DMARC_EXTERNAL_UNKNOWN, "destination", dest,
                        "name", name, "reason", a.reason());
            }
            boolean authorized = SenderDns.texts(a).stream().anyMatch(DmarcRecord::isDmarc);
            return SenderFinding.of(check, authorized ? SenderCode.DMARC_EXTERNAL_AUTHORIZED
                    : SenderCode.DMARC_EXTERNAL_NOT_AUTHORIZED, "destination", dest, "name", name);
        });
    }

    /**
     * Whether mail can pass DMARC. SPF aligns only through a custom MAIL FROM subdomain under relaxed SPF
     * alignment; with SES's default MAIL FROM ({@code amazonses.com}) DMARC rests on DKIM alone.
     *
     * @param record the DMARC record (alignment is judged only when there is one)
     * @param d the sending setup
     * @param dkim the DKIM findings
     * @return the alignment finding
     */
    static SenderFinding alignment(DmarcRecord record, SenderDomain d, List<SenderFinding> dkim) {
        boolean spfAligns = d.mailFrom().isPresent() && !record.strictSpf();
        String envelope = d.envelopeDomain();
        // A weak (1024-bit) key still verifies at receivers: it is a warning of its own, not a DMARC failure.
        boolean dkimOk = dkim.stream().anyMatch(DkimChecks::verifies);
        boolean dkimUnknown = dkim.stream().anyMatch(f -> f.status() == SenderStatus.UNKNOWN);
        SenderCode code;
        if (spfAligns) {
            code = dkimOk ? SenderCode.DMARC_ALIGNED_SPF_AND_DKIM : SenderCode.DMARC_ALIGNED_SPF_ONLY;
        } else if (dkimOk) {
            code = SenderCode.DMARC_ALIGNED_DKIM_ONLY;
        } else {
            code = dkimUnknown ? SenderCode.DMARC_ALIGNMENT_UNKNOWN : SenderCode.DMARC_NOT_ALIGNED;
        }
        return SenderFinding.of("dmarc.alignment", code, "domain", d.domain(), "envelope", envelope);
    }
}
