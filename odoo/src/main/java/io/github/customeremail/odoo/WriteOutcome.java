package io.github.customeremail.odoo;

/**
 * What happened to one partner's fix.
 *
 * @param partnerId the partner
 * @param status    what happened
 * @param detail    why, for the report (Odoo's message for a failure, the new write_date for a skip)
 */
public record WriteOutcome(int partnerId, Status status, String detail) {

    /** What happened to a fix. */
    public enum Status {
        /** Written. */
        WRITTEN,
        /** Not written: the partner already holds the new address (a rerun after an interrupted run). */
        ALREADY_WRITTEN,
        /** Dry run: it would have been written. */
        WOULD_WRITE,
        /** Not written: the partner changed since it was read (a clerk's edit wins). */
        SKIPPED_CHANGED,
        /** Not written: the partner no longer exists or is archived. */
        SKIPPED_MISSING,
        /** Odoo refused the write (access rights, validation). */
        FAILED
    }
}
