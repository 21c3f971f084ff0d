package io.github.customeremail.odoo;

/**
 * What posting one note did.
 *
 * @param partnerId the partner
 * @param status    what happened
 * @param messageId the {@code mail.message} posted or found, or 0 in a dry run
 */
public record NoteOutcome(int partnerId, Status status, int messageId) {

    /** What posting a note did. */
    public enum Status {
        /** Posted now. */
        POSTED,
        /** Not posted: a note with the same reference is on the partner already (a retried delivery). */
        ALREADY_POSTED,
        /** Dry run: it would have been posted. */
        WOULD_POST
    }
}
