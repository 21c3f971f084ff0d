package io.github.customeremail.dns;

import io.github.customeremail.MailDomainStatus;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * One DNS question's answer, reduced to what the checker needs: the records of the asked type at the end of any
 * CNAME chain, or the kind of negative answer, or why there was no usable answer.
 *
 * @param kind what came back
 * @param records the records of the asked type (only for {@link Kind#DATA})
 * @param ttlSeconds for DATA the smallest TTL of the records and the CNAMEs followed; for NXDOMAIN and NODATA the
 *     RFC 2308 negative TTL (SOA minimum capped by the SOA's own TTL), or -1 when the authority section had no SOA
 * @param reason for FAILURE a short technical reason
 * @param message the whole response (null for FAILURE), so that its additional section can be read
 * @param aliasTarget for NXDOMAIN and NODATA, the end of a CNAME chain whose own records the response left out
 *     (no SOA proves the negative): the question must be asked again for that name; otherwise {@code null}
 */
record Answer(Kind kind, List<org.xbill.DNS.Record> records, long ttlSeconds, String reason, Message message,
              Name aliasTarget) {

    /** The kinds of answer. */
    enum Kind {
        /** Records of the asked type exist. */
        DATA,
        /** The name exists, but has no record of the asked type. */
        NODATA,
        /** The name does not exist. */
        NXDOMAIN,
        /** No usable answer: timeout, SERVFAIL, REFUSED, garbage. Never cached. */
        FAILURE
    }

    /** CNAME chains longer than this are treated as broken (resolvers use similar limits). */
    static final int MAX_CNAME_HOPS = 16;

    /** How the reason of a failure starts when the resolver itself is not to be trusted. */
    static final String RESOLVER_UNRELIABLE = "resolver unreliable: ";

    static Answer failure(String reason) {
        return new Answer(Kind.FAILURE, List.of(), -1, reason, null, null);
    }

    /**
     * @param why what the resolver did
     * @return a failure saying the resolver denies names without proof
     */
    static Answer resolverUnreliable(String why) {
        return failure(RESOLVER_UNRELIABLE + why);
    }

    /**
     * @param reason the reason of a failure, or {@code null}
     * @return {@code true} when it says the resolver itself is not to be trusted
     */
    static boolean isResolverUnreliable(String reason) {
        return reason != null && reason.startsWith(RESOLVER_UNRELIABLE);
    }

    /**
     * @param reason the reason of a failure
     * @return the status it comes to, flagged and without the marker when it says the resolver is unreliable
     */
    static MailDomainStatus.Indeterminate indeterminate(String reason) {
        return isResolverUnreliable(reason)
                ? new MailDomainStatus.Indeterminate(
                        reason.substring(RESOLVER_UNRELIABLE.length()), true)
                : new MailDomainStatus.Indeterminate(reason);
    }

    /**
     * @return {@code true} for NXDOMAIN or NODATA without the zone's SOA (RFC 2308): nothing proves the negative
     *     but the resolver's word
     */
    boolean unprovenNegative() {
        return (kind == Kind.NXDOMAIN || kind == Kind.NODATA) && ttlSeconds < 0;
    }

    /**
     * Interprets a response to the question {@code (qname, type)}.
     */
    static Answer of(Name qname, int type, Message response) {
        if (response == null) {
            return failure("no response");
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return failure(Rcode.string(rcode));
        }
        if (!response.getHeader().getFlag(Flags.QR)) {
            return failure("garbled reply: not a response");
        }
        if (response.getHeader().getFlag(Flags.TC)) {
            return failure("truncated reply");
        }
        List<org.xbill.DNS.Record> answer = response.getSection(Section.ANSWER);
        Name current = qname;
        long ttl = Long.MAX_VALUE;
        Set<Name> seen = new HashSet<>();
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            if (!seen.add(current)) {
                return failure("CNAME loop at " + current);
            }
            List<org.xbill.DNS.Record> data = new ArrayList<>(2);
            CNAMERecord cname = null;
            for (org.xbill.DNS.Record r : answer) {
                if (!r.getName().equals(current)) {
                    continue;
                }
                if (r.getType() == type) {
                    data.add(r);
                } else if (r.getType() == Type.CNAME && type != Type.CNAME) {
                    cname = (CNAMERecord) r;
                }
            }
            if (!data.isEmpty()) {
                for (org.xbill.DNS.Record r : data) {
                    ttl = Math.min(ttl, r.getTTL());
                }
                return new Answer(Kind.DATA, List.copyOf(data), ttl, null, response, null);
            }
            if (cname == null) {
                long negative = negativeTtl(response);
                if (hop == 0 && negative < 0 && isReferral(response)) {
                    return failure("referral");
                }
                if (negative >= 0 && ttl != Long.MAX_VALUE) {
                    negative = Math.min(negative, ttl);
                }
                Kind kind = rcode == Rcode.NXDOMAIN ? Kind.NXDOMAIN : Kind.NODATA;
                Name alias = hop > 0 && negative < 0 ? current : null;
                return new Answer(kind, List.of(), negative, null, response, alias);
            }
            ttl = Math.min(ttl, cname.getTTL());
            current = cname.getTarget();
        }
        return failure("CNAME chain too long");
    }

    /**
     * A delegation instead of an answer (RFC 1034 section 4.3.1): no answer, NS records in the authority section,
     * neither authoritative nor recursion available. It says nothing about the name's records.
     */
    private static boolean isReferral(Message response) {
        if (response.getRcode() != Rcode.NOERROR || !response.getSection(Section.ANSWER).isEmpty()
                || response.getHeader().getFlag(Flags.AA) || response.getHeader().getFlag(Flags.RA)) {
            return false;
        }
        for (org.xbill.DNS.Record r : response.getSection(Section.AUTHORITY)) {
            if (r.getType() == Type.NS) {
                return true;
            }
        }
        return false;
    }

    /** RFC 2308 section 5: the negative TTL is the minimum of the SOA's MINIMUM field and the SOA's own TTL. */
    private static long negativeTtl(Message response) {
        long best = -1;
        for (org.xbill.DNS.Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                long t = Math.min(soa.getTTL(), soa.getMinimum());
                best = best < 0 ? t : Math.min(best, t);
            }
        }
        return best;
    }

    /** The reason of a question that got no reply in time. */
    static final String TIMEOUT = "timeout";

    /** Maps a failure of dnsjava's send to a short reason for {@code Indeterminate}. */
    static String reasonOf(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof TimeoutException || e instanceof SocketTimeoutException) {
            return TIMEOUT;
        }
        if (e instanceof WireParseException) {
            return "garbled reply";
        }
        if (e instanceof IOException && e.getMessage() != null && e.getMessage().contains("imed out")) {
            return TIMEOUT; // ExtendedResolver's overall timeout
        }
        if (e instanceof IOException) {
            return "network error: " + e.getClass().getSimpleName();
        }
        return "resolver error: " + e.getClass().getSimpleName();
    }
}
