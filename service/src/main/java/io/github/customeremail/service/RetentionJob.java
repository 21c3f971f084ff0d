package io.github.customeremail.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes what is older than {@code customer-email.service.store.retention}, once an hour. */
@Component
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final FeedbackStore store;
    private final ServiceProperties properties;

    RetentionJob(FeedbackStore store, ServiceProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void run() {
        try {
            int rows = store.applyRetention(properties.store().retention());
            if (rows > 0) {
                LOG.info("retention: {} rows deleted or cleared", rows);
            }
        } catch (RuntimeException e) {
            LOG.warn("retention skipped: {}", e.getClass().getSimpleName());
        }
    }
}
