package io.github.customeremail.service.odoo;

import io.github.customeremail.service.VerificationListener;
import java.time.Clock;
import java.time.Instant;

/**
 * Queues the note that a customer confirmed an address (the clerks' page) for the partners in Odoo that use it; the
 * outbox worker posts it, once, when Odoo answers.
 */
final class OdooVerificationListener implements VerificationListener {

    private final OdooOutbox outbox;
    private final Clock clock;

    OdooVerificationListener(OdooOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void verified(String address, Instant verifiedAt, String clerk) {
        outbox.queueVerified(address, verifiedAt, clerk, clock.instant());
    }
}
