package io.github.customeremail;

import java.util.Locale;

/**
 * Why an address is on a {@link SuppressionList}. The reason picks the finding and the words of its message.
 */
public enum SuppressionReason {
    /** The receiving server said the mailbox does not exist (SES {@code NoEmail}, or a 5.1.x status such as 5.1.1). */
    MAILBOX_DOES_NOT_EXIST,
    /** Temporary bounces happened again and again within the configured window. */
    REPEATED_TRANSIENT_BOUNCES,
    /** The recipient reported a message as spam (a complaint). */
    COMPLAINT,
    /**
     * A permanent bounce whose cause is not known, after which the sending service stopped mailing the address: for
     * example an entry of Amazon SES's account-level suppression list, which records only that a hard bounce happened.
     */
    PERMANENT_BOUNCE;

    /** {@link #id()}, spelled once: a suppressed address's finding carries it on every check. */
    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** @return the finding this reason produces: {@link FindingCode#COMPLAINED} or {@link FindingCode#PREVIOUSLY_BOUNCED} */
    public FindingCode findingCode() {
        return this == COMPLAINT ? FindingCode.COMPLAINED : FindingCode.PREVIOUSLY_BOUNCED;
    }

    /** @return the message id used in the resource bundles and in JSON, e.g. {@code mailbox-does-not-exist} */
    public String id() {
        return id;
    }
}
