package io.github.customeremail.service;

import io.github.customeremail.dns.SenderCheck;
import io.github.customeremail.dns.SenderDomain;
import io.github.customeremail.dns.SenderReport;
import io.github.customeremail.dns.SenderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Checks the configured sending domains ({@code customer-email.sender.domains}) now and then: the first time
 * {@code initial-delay} after start, then {@code interval} after each run has finished (runs never overlap). Keeps
 * the last report of every domain for {@code GET /v1/sender}, the health indicator and the metrics, and logs each
 * change of a check's status once ({@link SenderTransitions}): WARN when a check becomes an error, INFO otherwise.
 *
 * <p>A run holds no scheduler thread while DNS answers: the checks are asynchronous, bounded by their deadline,
 * and the next run is scheduled when the last one completes.
 */
@Component
class SenderWatch implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SenderWatch.class);

    /**
     * The reports of one run.
     *
     * @param checkedAt when the run finished
     * @param reports   one per configured domain, in the configured order
     */
    record Snapshot(Instant checkedAt, List<SenderReport> reports) {

        /**
         * @return of all domains, by {@link SenderReport#status()}'s rule: error if any is, else unknown if any is,
         *     else warning if any is, else ok
         */
        SenderStatus status() {
            List<SenderStatus> statuses = reports.stream().map(SenderReport::status).toList();
            for (SenderStatus s : List.of(SenderStatus.ERROR, SenderStatus.UNKNOWN, SenderStatus.WARNING)) {
                if (statuses.contains(s)) {
                    return s;
                }
            }
            return SenderStatus.OK;
        }
    }

    private final SenderCheck check;
    private final List<SenderDomain> domains;
    private final SenderWatchProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final SenderTransitions transitions = new SenderTransitions();
    private final AtomicReference<Snapshot> last = new AtomicReference<>();
    private final AtomicLong runs = new AtomicLong();
    private final Object lifecycle = new Object();
    private ScheduledFuture<?> next;
    private boolean running;

    SenderWatch(SenderCheck check, SenderWatchProperties properties, TaskScheduler scheduler,
                ObjectProvider<Clock> clock) {
        this.check = check;
        this.domains = properties.senderDomains();
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** @return the configured sending domains */
    List<SenderDomain> domains() {
        return domains;
    }

    /** @return the last run's reports, or empty before the first run has finished */
    Optional<Snapshot> last() {
        return Optional.ofNullable(last.get());
    }

    /** @return how many runs have finished */
    long runs() {
        return runs.get();
    }

    /**
     * Checks every domain now.
     *
     * @return the run's reports, once every domain is checked (within the check's deadline); never exceptional
     */
    CompletableFuture<Snapshot> runOnce() {
        List<CompletableFuture<SenderReport>> pending = new ArrayList<>(domains.size());
        for (SenderDomain d : domains) {
            pending.add(check.check(d));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(x -> {
            List<SenderReport> reports = pending.stream().map(CompletableFuture::join).toList();
            Snapshot snapshot = new Snapshot(clock.instant(), reports);
            last.set(snapshot);
            reports.forEach(this::tell);
            runs.incrementAndGet();
            return snapshot;
        });
    }

    private void tell(SenderReport report) {
        Locale locale = properties.logLocale();
        for (SenderTransitions.Change c : transitions.update(report)) {
            String from = c.from() == null ? "-" : c.from().id();
            String line = "sender readiness of {}: {} {} -> {} ({}): {}";
            Object[] args = {c.domain(), c.finding().name(), from, c.finding().status().id(), c.finding().code(),
                c.finding().message(locale)};
            if (c.finding().status() == SenderStatus.ERROR) {
                LOG.warn(line, args);
            } else {
                LOG.info(line, args);
            }
        }
    }

    private void scheduleNext(java.time.Duration delay) {
        synchronized (lifecycle) {
            if (running) {
                next = scheduler.schedule(this::scheduledRun, scheduler.getClock().instant().plus(delay));
            }
        }
    }

    private void scheduledRun() {
        runOnce().whenComplete((snapshot, error) -> {
            if (error != null) {
                LOG.warn("sender readiness check failed: {}", error.toString());
            }
            scheduleNext(properties.interval());
        });
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running || domains.isEmpty()) {
                return;
            }
            running = true;
        }
        LOG.info("sender readiness: watching {} every {}, first in {}",
                domains.stream().map(SenderDomain::domain).toList(), properties.interval(), properties.initialDelay());
        scheduleNext(properties.initialDelay());
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            running = false;
            if (next != null) {
                next.cancel(false);
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return running;
        }
    }
}
