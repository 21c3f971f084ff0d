package io.github.customeremail.dns;

import java.util.List;
import java.util.Locale;

/**
 * A DNS blocklist zone and what it lists.
 *
 * @param zone the zone, e.g. {@code dbl.spamhaus.org} or {@code KEY.zen.dq.spamhaus.net}
 * @param listsDomains {@code true} for a domain list (query {@code DOMAIN.ZONE}), {@code false} for an IP list
 *     (query the reversed address: {@code 4.3.2.1.ZONE})
 */
record BlocklistZone(String zone, boolean listsDomains) {

    /** Common domain lists (a Spamhaus DQS zone is {@code KEY.dbl.dq.spamhaus.net}: matched by suffix). */
    private static final List<String> DOMAIN_LISTS = List.of("dbl.spamhaus.org", "dbl.dq.spamhaus.net",
            "multi.surbl.org", "multi.uribl.com", "black.uribl.com");
    /** Common IP lists. */
    private static final List<String> IP_LISTS = List.of("zen.spamhaus.org", "sbl.spamhaus.org",
            "xbl.spamhaus.org", "pbl.spamhaus.org", "sbl-xbl.spamhaus.org", "zen.dq.spamhaus.net", "bl.spamcop.net",
            "b.barracudacentral.org", "psbl.surriel.com", "bl.mailspike.net");

    /**
     * Reads {@code domain:ZONE}, {@code ip:ZONE}, or a known zone's name.
     *
     * @param spec the zone as configured
     * @return the zone
     * @throws IllegalArgumentException naming the setting if the zone is not a domain name, or unknown without a
     *     {@code domain:} / {@code ip:} prefix
     */
    static BlocklistZone parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("blocklist: empty zone");
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("domain:")) {
            return new BlocklistZone(SenderDomain.domainName(s.substring(7), "blocklist"), true);
        }
        if (s.startsWith("ip:")) {
            return new BlocklistZone(SenderDomain.domainName(s.substring(3), "blocklist"), false);
        }
        String zone = SenderDomain.domainName(s, "blocklist");
        if (known(zone, DOMAIN_LISTS)) {
            return new BlocklistZone(zone, true);
        }
        if (known(zone, IP_LISTS)) {
            return new BlocklistZone(zone, false);
        }
        throw new IllegalArgumentException("blocklist: unknown zone " + spec
                + "; write domain:" + zone + " for a domain list or ip:" + zone + " for an IP list");
    }

    private static boolean known(String zone, List<String> lists) {
        for (String known : lists) {
            if (zone.equals(known) || zone.endsWith("." + known)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a listing answer means the operator refused the query: Spamhaus answers 127.255.255.252 (bad zone
     * name), .254 (query through a public resolver) and .255 (over the free limit); URIBL answers 127.0.0.1.
     */
    boolean refused(byte[] answer) {
        if (answer.length == 4 && answer[0] == 127 && answer[1] == (byte) 255 && answer[2] == (byte) 255) {
            return true;
        }
        return known(zone, List.of("uribl.com")) && answer.length == 4 && answer[0] == 127 && answer[1] == 0
                && answer[2] == 0 && answer[3] == 1;
    }
}
