package io.github.customeremail.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every SES notification enters, whatever brought it (SNS push, a {@code .jsonl} import): parse, store in one
 * transaction, then update the validator's view. A notification that cannot be parsed is kept as rejected with its
 * reason and never stops the intake.
 */
@Service
class FeedbackIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackIntake.class);

    private final SesNotificationParser parser;
    private final FeedbackStore store;
    private final SuppressionCache cache;

    FeedbackIntake(JsonMapper json, FeedbackStore store, SuppressionCache cache) {
        this.parser = new SesNotificationParser(json);
        this.store = store;
        this.cache = cache;
    }

    /**
     * @param notificationId unique per notification (the SNS MessageId)
     * @param source         {@code sns} or {@code import}
     * @param message        the SES notification JSON
     * @return what happened; committed when this returns
     * @throws org.springframework.dao.DataAccessException when the database is unavailable (nothing stored)
     */
    FeedbackStore.Outcome accept(String notificationId, String source, String message) {
        SesNotification n;
        try {
            n = parser.parse(message);
        } catch (SesNotificationParser.Malformed e) {
            FeedbackStore.Outcome outcome = store.reject(notificationId, source, e.getMessage(), message);
            LOG.warn("SES notification {} from {} rejected: {}", notificationId, source, e.getMessage());
            return outcome;
        }
        FeedbackStore.Recorded recorded = store.record(notificationId, source, n);
        if (!recorded.changed().isEmpty()) {
            cache.refresh(recorded.changed());
            recorded.changed().forEach(k -> LOG.info("suppression of {} changed by {} {}", Masked.address(k),
                    n.type(), notificationId));
        }
        return recorded.outcome();
    }
}
