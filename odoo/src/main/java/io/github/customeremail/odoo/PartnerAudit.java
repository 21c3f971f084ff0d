package io.github.customeremail.odoo;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit of one contact's {@code email} field and what to do about it in Odoo.
 *
 * @param partner            the contact as read
 * @param check              the project's check of its {@code email} field
 * @param action             what the audit proposes
 * @param severalAddresses   the field holds more than one address (Odoo keeps only the first)
 * @param normalizedDiffers  Odoo's stored {@code email_normalized} differs from the project's address
 */
public record PartnerAudit(OdooPartner partner, EmailCheck check, Action action, boolean severalAddresses,
                           boolean normalizedDiffers) {

    /** What the audit proposes for a contact. */
    public enum Action {
        /** Nothing: the address is fine as stored, or DNS could not say (re-check later). */
        NONE,
        /** Write the repaired address: a safe repair beyond letter case (comma for a dot, spaces, mailto:...). */
        FIX,
        /** Post a "¿Quiso decir …?" note for a clerk to confirm with the customer; the address is not changed. */
        SUGGEST,
        /** A clerk must look at it: invalid, or several addresses in one field. */
        REVIEW
    }

    /** Checks that every part is present. */
    public PartnerAudit {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(action, "action");
    }

    /**
     * Classifies a contact by the project's check of its field. A repair that only changes letter case is not a
     * fix: Odoo already compares addresses through {@code email_normalized}, and the clerk's spelling stays.
     */
    public static PartnerAudit of(OdooPartner partner, EmailCheck check) {
        String field = partner.email().orElse("");
        boolean several = OdooAddresses.holdsSeveralAddresses(field);
        Optional<String> project = check.normalized();
        boolean differs = project.map(p -> OdooAddresses.storedNormalizedDiffers(partner, p)).orElse(false);
        Action action;
        if (several || check.verdict() == Verdict.INVALID) {
            action = Action.REVIEW;
        } else if (check.verdict() == Verdict.SUGGEST) {
            action = Action.SUGGEST;
        } else if (check.verdict() == Verdict.VALID && project.isPresent()
                && !project.equals(OdooAddresses.odooNormalize(field))) {
            action = Action.FIX;
        } else {
            action = Action.NONE;
        }
        return new PartnerAudit(partner, check, action, several, differs);
    }

    /** @return the fix to write, when the action is {@link Action#FIX} */
    public Optional<AddressFix> fix() {
        return action == Action.FIX ? check.normalized().map(address -> AddressFix.of(partner, address))
                : Optional.empty();
    }
}
