package io.github.customeremail.odoo;

import java.util.Objects;

/**
 * A safe repair to write on one partner, with what the audit read, so that a partner a clerk edited since is
 * left alone.
 *
 * @param partnerId      the partner
 * @param readWriteDate  {@code write_date} when the audit read it
 * @param readEmail      {@code email} when the audit read it
 * @param newEmail       the repaired address to write
 */
public record AddressFix(int partnerId, String readWriteDate, String readEmail, String newEmail) {

    /** Checks that every part is present. */
    public AddressFix {
        Objects.requireNonNull(readWriteDate, "readWriteDate");
        Objects.requireNonNull(readEmail, "readEmail");
        Objects.requireNonNull(newEmail, "newEmail");
    }

    /** @return a fix of what was read on this partner */
    public static AddressFix of(OdooPartner partner, String newEmail) {
        return new AddressFix(partner.id(), partner.writeDate(), partner.email().orElse(""), newEmail);
    }
}
