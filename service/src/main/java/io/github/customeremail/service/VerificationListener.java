package io.github.customeremail.service;

import java.time.Instant;

/**
 * Told when a customer confirmed an address by reading back the code: the seam where the outcome leaves the service
 * (for example as a note on the partner in Odoo, once an Odoo connection is configured). Every bean of this type is
 * called after the outcome is stored; a listener that fails is logged and does not undo the confirmation.
 */
public interface VerificationListener {

    /**
     * Called once per confirmation.
     *
     * @param address    the confirmed address, lower-cased as stored
     * @param verifiedAt when the right code was typed
     * @param clerk      the clerk who typed it
     */
    void verified(String address, Instant verifiedAt, String clerk);
}
