package io.github.customeremail.odoo;

/**
 * What blacklisting one address, or taking it off the blacklist, did in Odoo's {@code mail.blacklist}.
 *
 * @param address    the address as Odoo normalizes it
 * @param status     what happened
 * @param blacklistId the {@code mail.blacklist} record, or 0 when none exists (dry run of a new entry)
 */
public record BlacklistOutcome(String address, Status status, int blacklistId) {

    /** What blacklisting did. */
    public enum Status {
        /** A new entry was created. */
        CREATED,
        /** An archived entry was made active again. */
        REACTIVATED,
        /** The address was already blacklisted: nothing written. */
        ALREADY_BLACKLISTED,
        /** Dry run: an entry would have been created. */
        WOULD_CREATE,
        /** Dry run: an archived entry would have been made active again. */
        WOULD_REACTIVATE,
        /** Taken off: the active entry was archived, as Odoo's own "unblacklist" does. */
        ARCHIVED,
        /** Taken off already: no active entry (none, or archived): nothing written. */
        NOT_BLACKLISTED,
        /** Dry run: the active entry would have been archived. */
        WOULD_ARCHIVE
    }
}
