package io.github.customeremail.dns;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the questions that have a socket open in dnsjava, and the orphans among them: questions whose work ended
 * (deadline passed, nobody waits for the host any more) before dnsjava closed their socket. dnsjava cannot be told to
 * close a socket early: its {@code NioUdpClient} closes one when the reply arrives, when its own timeout is noticed
 * (the selector thread looks only about once a second, and only when no reply is arriving) or when the whole client
 * closes; cancelling the future of {@code sendAsync} does not reach it. So an abandoned question gives its permit
 * back as an orphan, and at most {@code maxOrphans} orphans exist at once: beyond that the permit is kept until
 * dnsjava lets go of the socket. Open sockets therefore never exceed twice the number of permits.
 */
final class OpenSockets {

    private final int maxOrphans;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger orphans = new AtomicInteger();

    /** @param maxOrphans the most abandoned questions whose socket may stay open without holding a permit */
    OpenSockets(int maxOrphans) {
        this.maxOrphans = maxOrphans;
    }

    void opened() {
        most.accumulateAndGet(open.incrementAndGet(), Math::max);
    }

    void closed() {
        open.decrementAndGet();
    }

    /** @return {@code true} if the caller's question may give its permit back now (call {@link #orphanClosed()}) */
    boolean adoptOrphan() {
        while (true) {
            int n = orphans.get();
            if (n >= maxOrphans) {
                return false;
            }
            if (orphans.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void orphanClosed() {
        orphans.decrementAndGet();
    }

    int open() {
        return open.get();
    }

    int most() {
        return most.get();
    }
}
