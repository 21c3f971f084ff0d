package io.github.customeremail.service.odoo;

import io.github.customeremail.SuppressionReason;
import io.github.customeremail.service.SuppressionListener;
import java.time.Clock;

/**
 * Queues, in the feedback store's transaction, the work for Odoo that a new suppression asks for: only a mailbox
 * that does not exist and a complaint (repeated temporary bounces are not proof enough to blacklist in Odoo); and,
 * when a suppression is lifted, taking the address off Odoo's blacklist.
 */
final class OdooFeedbackListener implements SuppressionListener {

    private final OdooOutbox outbox;
    private final Clock clock;

    OdooFeedbackListener(OdooOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void suppressed(Suppressed s) {
        if (s.reason() == SuppressionReason.MAILBOX_DOES_NOT_EXIST || s.reason() == SuppressionReason.COMPLAINT) {
            outbox.queueFeedback(s.notificationId(), s.addressKey(), s.reason().name(), s.diagnostic(),
                    s.occurredAt(), clock.instant());
        }
    }

    /**
     * Queues taking the address off Odoo's blacklist when the lifted suppression is one that puts it there (here or
     * with {@code odoo audit --apply}): any but repeated temporary bounces.
     */
    @Override
    public void lifted(String addressKey, SuppressionReason reason, java.time.Instant liftedAt) {
        if (reason != SuppressionReason.REPEATED_TRANSIENT_BOUNCES) {
            outbox.queueLifted(addressKey, reason.name(), liftedAt, clock.instant());
        }
    }

    @Override
    public int erase(String addressKey) {
        return outbox.erase(addressKey);
    }
}
