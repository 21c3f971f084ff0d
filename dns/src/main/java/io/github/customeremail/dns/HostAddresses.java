package io.github.customeremail.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;

/**
 * The addresses of one host name (A and AAAA), as far as they are known.
 *
 * @param addresses the addresses found
 * @param failure why part of the answer is missing (timeout, SERVFAIL…), or {@code null} if both questions were
 *     answered; results with a failure are never cached
 * @param ttlSeconds the smallest TTL of the answers (negative TTL for the empty ones), -1 if unknown
 * @param publicTtlSeconds the smallest TTL of the answers that carry a public address, -1 if none does: how long
 *     "this host has a public address" holds, whichever of A and AAAA was answered first
 * @param notFound {@code true} when DNS said the name does not exist (NXDOMAIN)
 */
record HostAddresses(List<InetAddress> addresses, String failure, long ttlSeconds, long publicTtlSeconds,
                     boolean notFound) {

    /**
     * @param reason why no address is known
     * @return no address, for a lookup that failed
     */
    static HostAddresses failed(String reason) {
        return new HostAddresses(List.of(), reason, -1, -1, false);
    }

    /** @return {@code true} if at least one address is public */
    boolean hasPublic() {
        return anyPublic(addresses);
    }

    static boolean anyPublic(List<InetAddress> addresses) {
        for (InetAddress a : addresses) {
            if (AddressRanges.isPublic(a)) {
                return true;
            }
        }
        return false;
    }

    /** @return {@code true} if both questions were answered */
    boolean complete() {
        return failure == null;
    }

    /** Addresses carried by a positive answer, as a (possibly early) result. */
    static HostAddresses of(Answer answer) {
        List<InetAddress> addresses = addressesOf(answer);
        return new HostAddresses(addresses, null, answer.ttlSeconds(),
                anyPublic(addresses) ? answer.ttlSeconds() : -1, false);
    }

    /**
     * Combines the A and AAAA answers.
     *
     * @param negativeTtl the TTL to use for an empty answer without SOA
     */
    static HostAddresses combine(Answer a, Answer aaaa, long negativeTtl) {
        List<InetAddress> all = new ArrayList<>();
        String failure = a.kind() == Answer.Kind.FAILURE ? a.reason()
                : aaaa.kind() == Answer.Kind.FAILURE ? aaaa.reason() : null;
        long ttl = Long.MAX_VALUE;
        long publicTtl = Long.MAX_VALUE;
        for (Answer x : new Answer[] {a, aaaa}) {
            switch (x.kind()) {
                case DATA -> {
                    List<InetAddress> found = addressesOf(x);
                    all.addAll(found);
                    ttl = Math.min(ttl, x.ttlSeconds());
                    if (anyPublic(found)) {
                        publicTtl = Math.min(publicTtl, x.ttlSeconds());
                    }
                }
                case NODATA, NXDOMAIN -> ttl = Math.min(ttl, x.ttlSeconds() >= 0 ? x.ttlSeconds() : negativeTtl);
                case FAILURE -> {
                }
            }
        }
        boolean notFound = a.kind() == Answer.Kind.NXDOMAIN && aaaa.kind() != Answer.Kind.DATA
                || aaaa.kind() == Answer.Kind.NXDOMAIN && a.kind() != Answer.Kind.DATA;
        return new HostAddresses(List.copyOf(all), failure, ttl == Long.MAX_VALUE ? -1 : ttl,
                publicTtl == Long.MAX_VALUE ? -1 : publicTtl,
                notFound && failure == null);
    }

    static List<InetAddress> addressesOf(Answer answer) {
        if (answer.kind() != Answer.Kind.DATA) {
            return List.of();
        }
        List<InetAddress> out = new ArrayList<>(answer.records().size());
        for (org.xbill.DNS.Record r : answer.records()) {
            if (r instanceof ARecord ar) {
                out.add(ar.getAddress());
            } else if (r instanceof AAAARecord ar) {
                out.add(ar.getAddress());
            }
        }
        return out;
    }
}
