package io.github.customeremail.service;

import io.github.customeremail.SuppressionEntry;
import io.github.customeremail.SuppressionList;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The validator's view of the suppression list: every suppressed address in memory, so that a check costs one hash
 * lookup and never a query. Loaded at start, reloaded on a schedule (changes made by other instances arrive then),
 * and updated at once for this instance's own changes. When the database is down the last view stays in use.
 */
@Component
class SuppressionCache implements SuppressionList {

    private static final Logger LOG = LoggerFactory.getLogger(SuppressionCache.class);

    private final FeedbackStore store;
    private volatile Map<String, SuppressionEntry> view = Map.of();

    SuppressionCache(FeedbackStore store) {
        this.store = store;
        reload();
    }

    @Override
    public Optional<SuppressionEntry> find(String normalizedAddress) {
        return Optional.ofNullable(view.get(SuppressionList.key(normalizedAddress)));
    }

    /** Reloads the whole view; keeps the current one when the database cannot be read. */
    @Scheduled(fixedDelayString = "${customer-email.service.store.cache-refresh:30s}",
            initialDelayString = "${customer-email.service.store.cache-refresh:30s}")
    synchronized void reload() {
        try {
            Map<String, SuppressionEntry> fresh = new ConcurrentHashMap<>();
            for (FeedbackStore.AddressRecord r : store.suppressed()) {
                r.entry().ifPresent(e -> fresh.put(r.address(), e));
            }
            view = fresh;
        } catch (RuntimeException e) {
            LOG.warn("suppression list not reloaded, the last view stays in use: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Applies committed changes of these addresses to the view.
     *
     * @param keys address keys
     */
    synchronized void refresh(Collection<String> keys) {
        Map<String, SuppressionEntry> current = view;
        if (!(current instanceof ConcurrentHashMap)) {
            current = new ConcurrentHashMap<>(current);
        }
        for (String key : keys) {
            Optional<SuppressionEntry> entry = store.find(key).flatMap(FeedbackStore.AddressRecord::entry);
            if (entry.isPresent()) {
                current.put(key, entry.get());
            } else {
                current.remove(key);
            }
        }
        view = current;
    }

    /** @return how many addresses the view holds */
    int size() {
        return view.size();
    }
}
