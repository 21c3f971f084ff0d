package io.github.customeremail.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A strictly parsed DMARC record (RFC 7489 section 6.4).
 *
 * @param policy {@code none}, {@code quarantine} or {@code reject}
 * @param subdomainPolicy {@code sp}, or the policy when absent
 * @param pct the percentage the policy applies to (default 100)
 * @param strictSpf {@code aspf=s}
 * @param rua the domains of the aggregate-report addresses ({@code mailto:} URIs), in order, without repeats
 * @param ruf the domains of the failure-report addresses
 */
record DmarcRecord(String policy, String subdomainPolicy, int pct, boolean strictSpf, List<String> rua,
                   List<String> ruf) {

    private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");

    /**
     * @param record the record, or {@code null} on error
     * @param badTerm the first tag that is wrong (or {@code p} when missing)
     */
    record Parsed(DmarcRecord record, String badTerm) {
    }

    /**
     * @return whether this TXT string is meant as a DMARC record: it starts with {@code v=DMARC1} in any case
     *     (RFC 7489 6.6.3); {@link #parse} then judges it strictly, {@code DMARC1} included (case-sensitive)
     */
    static boolean isDmarc(String txt) {
        return txt.stripLeading().matches("(?is)v\\s*=\\s*dmarc1.*");
    }

    static Parsed parse(String txt) {
        TagList list = TagList.parse(txt);
        if (list.badTerm() != null) {
            return new Parsed(null, list.badTerm());
        }
        if (!list.startsWithVersion("DMARC1")) {
            return new Parsed(null, "v=" + list.tags().get("v"));
        }
        Map<String, String> tags = list.tags();
        // Without p, RFC 7489 6.6.3 (with a rua) and RFC 9989 apply none.
        String p = lower(tags.getOrDefault("p", "none"));
        if (!POLICIES.contains(p)) {
            return new Parsed(null, "p=" + tags.get("p"));
        }
        String sp = lower(tags.getOrDefault("sp", p));
        if (!POLICIES.contains(sp)) {
            return new Parsed(null, "sp=" + tags.get("sp"));
        }
        int pct = 100;
        if (tags.containsKey("pct")) {
            String v = tags.get("pct");
            if (!v.matches("[0-9]{1,3}") || Integer.parseInt(v) > 100) {
                return new Parsed(null, "pct=" + v);
            }
            pct = Integer.parseInt(v);
        }

        List<String> rua = destinations(tags.get("rua"));
        if (rua == null) {
            return new Parsed(null, "rua=" + tags.get("rua"));
        }
        List<String> ruf = destinations(tags.get("ruf"));
        if (ruf == null) {
            return new Parsed(null, "ruf=" + tags.get("ruf"));
        }
        // An aspf other than r or s is ignored (RFC 9989 4.8): relaxed, the default.
        return new Parsed(new DmarcRecord(p, sp, pct, "s".equals(lower(tags.get("aspf"))), rua, ruf), null);
    }

    /**
     * The domains of a comma-separated list of {@code mailto:} URIs (with an optional {@code !size}). URIs of other
     * schemes are valid but skipped (receivers need only support mailto); text that is no URI is an error.
     */
    private static List<String> destinations(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String uri : value.split(",", -1)) {
            String u = uri.strip();
            if (!u.regionMatches(true, 0, "mailto:", 0, 7)) {
                if (u.matches("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+") && !u.contains("@")) {
                    continue;
                }
                return null;
            }
            String address = u.substring(7);
            int bang = address.indexOf('!');
            if (bang >= 0) {
                if (!address.substring(bang + 1).matches("[0-9]+[kmgtKMGT]?")) {
                    return null;
                }
                address = address.substring(0, bang);
            }
            int at = address.lastIndexOf('@');
            if (at <= 0 || at == address.length() - 1) {
                return null;
            }
            String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
            if (!SpfRecord.domainSpec(domain) || domain.indexOf('%') >= 0) {
                return null;
            }
            domain = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
            if (!out.contains(domain)) {
                out.add(domain);
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
