package io.github.customeremail.service.odoo;

import io.github.customeremail.odoo.OdooFaultException;
import io.github.customeremail.odoo.OdooProtocolException;
import io.github.customeremail.odoo.OdooTransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers the outbox to Odoo on a thread of its own (a slow or unreachable Odoo never holds up the intake or the
 * service's other scheduled work). A failed delivery is tried again after a wait that doubles up to a ceiling,
 * forever: nothing is dropped. When Odoo does not answer, the round stops and the rest waits for the next one. A
 * webhook check that DNS left indeterminate is put back and checked again a few times, at doubling intervals
 * ({@link OdooProperties.Recheck}); its note is posted only if a re-check finds something wrong.
 */
final class OdooOutboxWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OdooOutboxWorker.class);

    /** What one round did. */
    record Round(int delivered, int failed, int released) {
    }

    private final OdooOutbox outbox;
    private final OdooDelivery delivery;
    private final OdooConnection connection;
    private final OdooProperties.Outbox settings;
    private final OdooProperties.Recheck recheck;
    private final Clock clock;
    private ScheduledExecutorService executor;

    OdooOutboxWorker(OdooOutbox outbox, OdooDelivery delivery, OdooConnection connection,
                     OdooProperties.Outbox settings, OdooProperties.Recheck recheck, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.connection = connection;
        this.settings = settings;
        this.recheck = recheck;
        this.clock = clock;
    }

    /**
     * One round at {@code now}: takes the due rows and delivers them.
     *
     * @return what it did
     */
    Round runOnce(Instant now) {
        outbox.purgeDone(now.minus(settings.keepDone()));
        List<OdooOutbox.Entry> due = outbox.claim(now, settings.batch(), settings.lease());
        int delivered = 0;
        int failed = 0;
        int released = 0;
        boolean unreachable = false;
        for (OdooOutbox.Entry entry : due) {
            if (unreachable) {
                outbox.release(entry.id());
                released++;
                continue;
            }
            try {
                OdooDelivery.Outcome outcome = delivery.deliver(entry);
                if (outcome.indeterminate() && entry.rechecks() < recheck.attempts()) {
                    Instant next = now.plus(recheckDelay(entry.rechecks() + 1));
                    outbox.recheckLater(entry.id(), outcome.text(), next);
                    LOG.info("odoo outbox {} {} indeterminate ({}), checked again at {}", entry.id(), entry.kind(),
                            outcome.text(), next);
                } else {
                    String text = outcome.indeterminate() && entry.rechecks() > 0
                            ? outcome.text() + " (after " + entry.rechecks() + " re-checks)" : outcome.text();
                    outbox.done(entry.id(), text, now);
                    LOG.info("odoo outbox {} {} delivered: {}", entry.id(), entry.kind(), text);
                }
                delivered++;
            } catch (RuntimeException e) {
                failed++;
                Instant next = now.plus(backoff(entry.attempts() + 1));
                outbox.failed(entry.id(), describe(e), next);
                LOG.warn("odoo outbox {} {} failed (attempt {}), next at {}: {}", entry.id(), entry.kind(),
                        entry.attempts() + 1, next, describe(e));
                // No answer, or not Odoo's: the rest of the round waits for the next one.
                boolean noAnswer = e instanceof OdooTransportException || e instanceof OdooProtocolException;
                if (noAnswer || e instanceof OdooFaultException f
                        && f.kind() == OdooFaultException.Kind.AUTHENTICATION) {
                    connection.reset();
                }
                unreachable = noAnswer;
            }
        }
        return new Round(delivered, failed, released);
    }

    /** The wait after the n-th failed attempt: first-retry × 2^(n−1), at most max-retry. */
    Duration backoff(int attempts) {
        return doubled(settings.firstRetry(), attempts, settings.maxRetry());
    }

    /** The wait before the n-th re-check of an indeterminate check: first-delay × 2^(n−1). */
    Duration recheckDelay(int n) {
        return doubled(recheck.firstDelay(), n, recheck.firstDelay().multipliedBy(1L << 20));
    }

    private static Duration doubled(Duration first, int n, Duration ceiling) {
        Duration wait = first;
        for (int i = 1; i < n && wait.compareTo(ceiling) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void round() {
        try {
            runOnce(clock.instant());
        } catch (RuntimeException e) {
            // The database may be down: the next round tries again.
            LOG.warn("odoo outbox round skipped: {}", describe(e));
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "odoo-outbox");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
