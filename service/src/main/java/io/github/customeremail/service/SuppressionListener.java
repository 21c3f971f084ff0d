package io.github.customeremail.service;

import io.github.customeremail.SuppressionReason;
import java.time.Instant;

/**
 * Told by the feedback store when an address becomes suppressed, inside the transaction that stores the
 * notification: what a listener writes to the same database commits or rolls back with it (an exception rolls the
 * notification back, and SNS or SQS delivers it again). A listener must therefore only write to that database,
 * never call out.
 */
public interface SuppressionListener {

    /**
     * An address just became suppressed.
     *
     * @param notificationId the notification that suppressed it (the SNS MessageId)
     * @param addressKey     the address's key ({@link io.github.customeremail.SuppressionList#key(String)})
     * @param reason         why
     * @param diagnostic     the receiving server's words; empty when none
     * @param occurredAt     when the bounce or complaint happened
     */
    record Suppressed(String notificationId, String addressKey, SuppressionReason reason, String diagnostic,
                      Instant occurredAt) {
    }

    /** @param suppressed the address that became suppressed, and why */
    void suppressed(Suppressed suppressed);

    /**
     * An address's suppression was lifted (a clerk's decision), in the lifting transaction.
     *
     * @param addressKey the address's key
     * @param reason     why it was suppressed until now
     * @param liftedAt   when it was lifted
     */
    default void lifted(String addressKey, SuppressionReason reason, Instant liftedAt) {
    }

    /**
     * Everything stored about an address is being erased (the customer's right to erasure), in the erasing
     * transaction: delete what this listener keeps about it.
     *
     * @param addressKey the address's key
     * @return rows deleted
     */
    default int erase(String addressKey) {
        return 0;
    }
}
