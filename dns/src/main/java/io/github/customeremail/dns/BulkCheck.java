package io.github.customeremail.dns;

import io.github.customeremail.MailDomainChecker;
import io.github.customeremail.MailDomainStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Checks a list of domains with a bounded number of checks in flight: no thread is started or blocked per domain,
 * each finished check starts the next, and each check's deadline starts when that check starts. The combined result
 * is completed on the checker's executor, so the caller's continuations never run on the checker's deadline thread
 * (which is why this is not built on {@code orTimeout}/{@code completeOnTimeout}: those complete on the JDK's
 * single delay thread).
 */
final class BulkCheck {

    private final MailDomainChecker checker;
    private final Executor executor;
    private final List<String> domainList;
    private final AtomicReferenceArray<MailDomainStatus> results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final CompletableFuture<Map<String, MailDomainStatus>> all = new CompletableFuture<>();

    private BulkCheck(MailDomainChecker checker, Executor executor, List<String> domainList) {
        this.checker = checker;
        this.executor = executor;
        this.domainList = domainList;
        this.results = new AtomicReferenceArray<>(domainList.size());
    }

    /**
     * @param distinctDomains the domains, without duplicates
     * @param parallelism     the maximum number of checks in flight, at least 1
     * @return the statuses in the order of the list; never completes exceptionally
     */
    static CompletableFuture<Map<String, MailDomainStatus>> run(MailDomainChecker checker, Executor executor,
                                                                List<String> distinctDomains, int parallelism) {
        if (distinctDomains.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        BulkCheck bulk = new BulkCheck(checker, executor, distinctDomains);
        for (int i = 0, workers = Math.min(parallelism, distinctDomains.size()); i < workers; i++) {
            bulk.pump();
        }
        return bulk.all;
    }

    /** Runs checks until one is pending (it resumes the loop when done) or the list is exhausted. */
    private void pump() {
        while (true) {
            int i = next.getAndIncrement();
            if (i >= domainList.size()) {
                return;
            }
            CompletableFuture<MailDomainStatus> f;
            try {
                f = checker.check(domainList.get(i));
            } catch (RuntimeException e) {
                f = CompletableFuture.completedFuture(
                        new MailDomainStatus.Indeterminate("invalid domain: " + e.getMessage()));
            }
            if (f.isDone()) {
                record(i, f.join());
                continue;
            }
            f.whenComplete((status, error) -> {
                record(i, status != null ? status : DomainStatusCache.indeterminate(error));
                pump();
            });
            return;
        }
    }

    private void record(int i, MailDomainStatus status) {
        results.set(i, status);
        if (done.incrementAndGet() == domainList.size()) {
            Map<String, MailDomainStatus> out = new LinkedHashMap<>();
            for (int k = 0; k < domainList.size(); k++) {
                out.put(domainList.get(k), results.get(k));
            }
            Map<String, MailDomainStatus> result = Collections.unmodifiableMap(out);
            try {
                executor.execute(() -> all.complete(result));
            } catch (RejectedExecutionException e) {
                all.complete(result);
            }
        }
    }
}
