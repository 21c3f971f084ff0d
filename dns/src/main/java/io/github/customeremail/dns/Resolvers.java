package io.github.customeremail.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/** Builds the dnsjava {@link Resolver} a checker sends its questions through. */
final class Resolvers {

    /**
     * Added to each attempt's share, so that a check whose deadline is the binding limit ends with its deadline
     * ({@code Indeterminate("deadline")}) rather than racing its last question's timeout; the question's socket is
     * closed at the deadline all the same.
     */
    static final Duration GRACE = Duration.ofMillis(200);

    private Resolvers() {
    }

    /**
     * One {@link SimpleResolver} per server under an {@link ExtendedResolver}. ExtendedResolver resets its
     * inner resolvers' timeouts to its own default (5 s) and does not cap them by its overall timeout, so they
     * are set afterwards: each attempt gets a share of the deadline (never more than the deadline) plus
     * {@link #GRACE}.
     *
     * @param udp the transport of every server's questions over UDP
     */
    static Resolver extended(List<InetSocketAddress> targets, int retries, Duration deadline, UdpTransport udp) {
        List<Resolver> simple = new ArrayList<>(targets.size());
        for (InetSocketAddress target : targets) {
            SimpleResolver server = new SimpleResolver(target);
            udp.plugInto(server);
            simple.add(server);
        }
        ExtendedResolver extended = new ExtendedResolver(simple);
        int attempts = targets.size() * (retries + 1);
        Duration perAttempt = deadline.dividedBy(attempts);
        Duration floor = Duration.ofMillis(250);
        if (perAttempt.compareTo(floor) < 0) {
            perAttempt = floor.compareTo(deadline) < 0 ? floor : deadline;
        }
        for (Resolver r : extended.getResolvers()) {
            r.setTimeout(perAttempt.plus(GRACE));
        }
        extended.setTimeout(deadline);
        extended.setRetries(retries + 1);
        extended.setLoadBalance(false);
        return extended;
    }
}
