package io.github.customeremail.dns;

import io.github.customeremail.MailDomainStatus;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * How a domain's ability to receive mail is read from DNS: its MX records (RFC 7505 null MX, most preferred hosts
 * first, glue from the additional section), RFC 5321 implicit MX from the domain's own addresses when there is no
 * MX, and whether the mail hosts have public addresses. Knows nothing of caching the domain's answer or of
 * deadlines: {@link DomainStatusCache} does both around it.
 */
final class MailDomainResolution {

    /** MX hosts judged per domain; real domains have a handful. */
    static final int MAX_MAIL_HOSTS_JUDGED = 10;

    private final DnsQueries queries;
    private final ResolverHonesty honesty;
    private final MailHostAddresses hosts;
    private final long negativeTtlSeconds;

    MailDomainResolution(DnsQueries queries, ResolverHonesty honesty, MailHostAddresses hosts,
                         long negativeTtlSeconds) {
        this.queries = queries;
        this.honesty = honesty;
        this.hosts = hosts;
        this.negativeTtlSeconds = negativeTtlSeconds;
    }

    /**
     * Resolves one domain's mail hosts.
     *
     * @param domain the lower-case ASCII domain
     * @param name   the same as an absolute DNS name
     * @param scope  the future of the check this serves: when it ends, the check stops waiting on the shared mail
     *               host lookups (see {@link MailHostAddresses}) and its own questions still queued are not sent
     * @return the resolution; never completes exceptionally unless a callback fails
     */
    CompletableFuture<Resolution> resolve(String domain, Name name, CompletableFuture<?> scope) {
        return queries.query(name, Type.MX, scope).thenCompose(honesty::vet).thenCompose(mx -> switch (mx.kind()) {
            case FAILURE -> CompletableFuture.completedFuture(new Resolution.Undecided(mx.reason()));
            case NXDOMAIN -> CompletableFuture.completedFuture(
                    new Resolution.Decided(new MailDomainStatus.NoSuchDomain(), negativeTtl(mx)));
            case NODATA -> implicitMx(domain, name, mx, scope);
            case DATA -> judgeMailHosts(mx, scope);
        });
    }

    /** RFC 5321 section 5.1: without MX records the domain itself is the mail host. */
    private CompletableFuture<Resolution> implicitMx(String domain, Name name, Answer mx, CompletableFuture<?> scope) {
        return hosts.addresses(domain, name, scope).thenApply(h -> {
            if (h.hasPublic()) {
                return new Resolution.Decided(new MailDomainStatus.ImplicitMx(),
                        minTtl(negativeTtl(mx), h.publicTtlSeconds()));
            }
            long ttl = minTtl(negativeTtl(mx), h.ttlSeconds());
            if (!h.complete()) {
                return new Resolution.Undecided(h.failure());
            }
            if (h.addresses().isEmpty()) {
                return new Resolution.Decided(new MailDomainStatus.NoMailHost(), ttl);
            }
            return new Resolution.Decided(new MailDomainStatus.NoPublicMailHost(List.of(domain)), ttl);
        });
    }

    private CompletableFuture<Resolution> judgeMailHosts(Answer mx, CompletableFuture<?> scope) {
        List<MXRecord> records = new ArrayList<>();
        for (org.xbill.DNS.Record r : mx.records()) {
            if (r instanceof MXRecord m) {
                records.add(m);
            }
        }
        records.sort(Comparator.comparingInt(MXRecord::getPriority)
                .thenComparing(m -> m.getTarget().toString()));
        LinkedHashMap<String, Name> targets = new LinkedHashMap<>();
        for (MXRecord m : records) {
            Name target = m.getTarget();
            if (target.equals(Name.root)) {
                continue; // RFC 7505 null MX; next to real hosts it is ignored
            }
            targets.putIfAbsent(hostKey(target), target);
        }
        if (targets.isEmpty()) {
            return CompletableFuture.completedFuture(new Resolution.Decided(new MailDomainStatus.NullMx(), mx.ttlSeconds()));
        }
        List<String> hostNames = List.copyOf(targets.keySet());
        List<Map.Entry<String, Name>> judged = new ArrayList<>(targets.entrySet());
        if (judged.size() > MAX_MAIL_HOSTS_JUDGED) {
            judged = judged.subList(0, MAX_MAIL_HOSTS_JUDGED);
        }
        // One public host decides: when the response's own glue or the host cache already shows one, no host is
        // looked up at all (the others' answers cannot change the verdict).
        for (Map.Entry<String, Name> e : judged) {
            HostAddresses known = glue(mx, e.getValue());
            if (known == null || !known.hasPublic()) {
                known = hosts.known(e.getKey());
            }
            if (known != null && known.hasPublic()) {
                return CompletableFuture.completedFuture(new Resolution.Decided(new MailDomainStatus.HasMx(hostNames),
                        minTtl(mx.ttlSeconds(), known.publicTtlSeconds())));
            }
        }
        CompletableFuture<Resolution> out = new CompletableFuture<>();
        HostTally tally = new HostTally(judged.size(), mx.ttlSeconds());
        for (Map.Entry<String, Name> e : judged) {
            if (out.isDone()) {
                break; // a host already found public: the others cannot change the verdict
            }
            CompletableFuture<HostAddresses> addresses = hosts.addresses(e.getKey(), e.getValue(), scope);
            addresses.whenComplete((h, error) -> {
                HostAddresses known = h != null ? h
                        : HostAddresses.failed("internal error: " + error.getClass().getSimpleName());
                if (known.hasPublic()) {
                    out.complete(new Resolution.Decided(new MailDomainStatus.HasMx(hostNames),
                            minTtl(mx.ttlSeconds(), known.publicTtlSeconds())));
                }
                Resolution last = tally.add(known, hostNames);
                if (last != null) {
                    out.complete(last);
                }
            });
        }
        return out;
    }

    /** Collects the host answers of one MX set; the last one decides when no host was public. */
    private static final class HostTally {
        private int remaining;
        private long ttl;
        private String failure;
        private boolean allNotFound = true;

        HostTally(int hosts, long mxTtl) {
            this.remaining = hosts;
            this.ttl = mxTtl;
        }

        synchronized Resolution add(HostAddresses h, List<String> hostNames) {
            ttl = minTtl(ttl, h.ttlSeconds());
            if (!h.complete() && failure == null) {
                failure = h.failure();
            }
            allNotFound &= h.notFound();
            if (--remaining > 0) {
                return null;
            }
            if (failure != null) {
                // an unreliable resolver keeps its reason's prefix, so that the outcome says so
                return new Resolution.Undecided(Answer.isResolverUnreliable(failure) ? failure
                        : "mail host lookup failed: " + failure);
            }
            return new Resolution.Decided(allNotFound ? new MailDomainStatus.NoSuchMailHost(hostNames)
                    : new MailDomainStatus.NoPublicMailHost(hostNames), ttl);
        }
    }

    /** Addresses of {@code host} in the additional section of the MX response, or {@code null}. */
    private static HostAddresses glue(Answer mx, Name host) {
        List<InetAddress> found = new ArrayList<>(2);
        long ttl = Long.MAX_VALUE;
        long publicTtl = Long.MAX_VALUE;
        for (org.xbill.DNS.Record r : mx.message().getSection(Section.ADDITIONAL)) {
            InetAddress address = !r.getName().equals(host) ? null
                    : r instanceof ARecord a ? a.getAddress()
                    : r instanceof AAAARecord a ? a.getAddress() : null;
            if (address == null) {
                continue;
            }
            found.add(address);
            ttl = Math.min(ttl, r.getTTL());
            if (AddressRanges.isPublic(address)) {
                publicTtl = Math.min(publicTtl, r.getTTL());
            }
        }
        return found.isEmpty() ? null : new HostAddresses(List.copyOf(found), null, ttl,
                publicTtl == Long.MAX_VALUE ? -1 : publicTtl, false);
    }

    private long negativeTtl(Answer answer) {
        return answer.ttlSeconds() >= 0 ? answer.ttlSeconds() : negativeTtlSeconds;
    }

    static long minTtl(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private static String hostKey(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }
}
