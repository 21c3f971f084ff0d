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
    private final JsonMapper json;

    FeedbackIntake(JsonMapper json, FeedbackStore store, SuppressionCache cache) {
        this.json = json;
        this.parser = new SesNotificationParser(json);
        this.store = store;
        this.cache = cache;
    }

    /**
     * Accepts a notification from a trusted channel (an SQS queue of the company's own, a local file) that is either
     * an SNS message ({@code {"Type":"Notification","MessageId":…,"Message":"…"}}, SNS to SQS without raw delivery)
     * or a bare SES notification (raw delivery). Its id is the SNS MessageId when there is one, else
     * {@code fallbackId}. Signatures are not checked: the channel is trusted.
     *
     * @return what happened; committed when this returns
     */
    FeedbackStore.Outcome acceptEnvelopeOrBare(String text, String fallbackId, String source) {
        String id = fallbackId;
        String message = text;
        try {
            tools.jackson.databind.JsonNode root = json.readTree(text);
            if (root != null && root.path("Type").isString() && root.path("Type").asString().equals("Notification")
                    && root.path("Message").isString()) {
                message = root.path("Message").asString();
                if (root.path("MessageId").isString()) {
                    id = root.path("MessageId").asString();
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            // not JSON: accept() keeps it as rejected with its reason
        }
        return accept(id, source, message);
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
