package io.github.customeremail.service;

import java.util.Locale;

/**
 * What one recipient of an SES notification tells about the address. Only {@link #MAILBOX_MISSING} and
 * {@link #COMPLAINT} suppress at once; {@link #TRANSIENT} suppresses past the configured count within the window.
 */
enum FeedbackKind {
    /** The mailbox does not exist: SES {@code NoEmail}, or a 5.1.x status (5.1.1, 5.1.10…). */
    MAILBOX_MISSING,
    /** A temporary failure (mailbox full, greylisting, server down…), or an undetermined bounce. */
    TRANSIENT,
    /** Refused for the sender's reasons (5.7.x policy, DMARC, blocklists): a sending problem, not the customer's. */
    SENDER_REJECTION,
    /** SES repeating its own suppression list ({@code Suppressed}, {@code OnAccountSuppressionList}): no new evidence. */
    SES_SUPPRESSED,
    /** Another permanent failure (5.2.x disabled mailbox, 5.0.0…): recorded and shown, not used to refuse. */
    PERMANENT_OTHER,
    /** The recipient reported the mail as spam. */
    COMPLAINT,
    /** Delivered. */
    DELIVERY;

    /** @return the value stored and shown in JSON, e.g. {@code mailbox-missing} */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Classifies one recipient of a notification.
     *
     * @param n the notification
     * @param r one of its recipients
     * @return what it says about the recipient's address
     */
    static FeedbackKind of(SesNotification n, SesNotification.Recipient r) {
        switch (n.type()) {
            case COMPLAINT:
                return COMPLAINT;
            case DELIVERY:
                return DELIVERY;
            default:
                break;
        }
        String sub = n.bounceSubType();
        if (sub.equals("Suppressed") || sub.equals("OnAccountSuppressionList")) {
            return SES_SUPPRESSED;
        }
        String status = r.status().isEmpty() ? enhancedStatus(r.diagnosticCode()) : r.status().strip();
        String diagnostic = r.diagnosticCode().toLowerCase(Locale.ROOT);
        if (status.startsWith("5.7.") || status.startsWith("4.7.") || senderSide(diagnostic)) {
            return SENDER_REJECTION;
        }
        if (!n.bounceType().equals("Permanent")) {
            return TRANSIENT; // Transient and Undetermined
        }
        if (sub.equals("NoEmail") || status.startsWith("5.1.")) {
            return MAILBOX_MISSING;
        }
        return PERMANENT_OTHER;
    }

    /** Words receiving servers use when they refuse the sender, not the mailbox. */
    private static boolean senderSide(String diagnostic) {
        return diagnostic.contains("dmarc") || diagnostic.contains("dkim")
                || diagnostic.contains("blocklist") || diagnostic.contains("blacklist")
                || diagnostic.contains("block list") || diagnostic.contains("spamhaus")
                || diagnostic.contains("reputation");
    }

    private static final java.util.regex.Pattern ENHANCED_STATUS =
            java.util.regex.Pattern.compile("(?<![\\w.])([45]\\.\\d{1,3}\\.\\d{1,3})(?![\\w.])");

    /** The enhanced status inside a diagnostic ({@code smtp; 550 5.1.1 …} → {@code 5.1.1}), or empty. */
    private static String enhancedStatus(String diagnostic) {
        java.util.regex.Matcher m = ENHANCED_STATUS.matcher(diagnostic);
        return m.find() ? m.group(1) : "";
    }
}
