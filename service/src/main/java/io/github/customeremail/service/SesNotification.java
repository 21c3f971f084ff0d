package io.github.customeremail.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Amazon SES notification (the {@code Message} of an SNS notification): a bounce, a complaint or a delivery,
 * with every recipient it names.
 *
 * @param type          what happened
 * @param mailMessageId the SES message id of the mail it is about ({@code mail.messageId})
 * @param occurredAt    when the bounce, complaint or delivery happened
 * @param bounceType    {@code Permanent}, {@code Transient} or {@code Undetermined}; empty unless a bounce
 * @param bounceSubType e.g. {@code General}, {@code NoEmail}, {@code Suppressed}; empty unless a bounce
 * @param recipients    the recipients concerned (at least one)
 */
record SesNotification(Type type, String mailMessageId, Instant occurredAt, String bounceType, String bounceSubType,
                       List<Recipient> recipients) {

    /** The notification types this service reads. */
    enum Type { BOUNCE, COMPLAINT, DELIVERY }

    SesNotification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mailMessageId, "mailMessageId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        bounceType = bounceType == null ? "" : bounceType;
        bounceSubType = bounceSubType == null ? "" : bounceSubType;
        recipients = List.copyOf(recipients);
    }

    /**
     * One recipient.
     *
     * @param address        the address as SES reports it
     * @param status         the enhanced status ({@code 5.1.1}); empty when not given
     * @param action         {@code failed}, {@code delayed}…; empty when not given
     * @param diagnosticCode what the receiving server said; empty when not given
     */
    record Recipient(String address, String status, String action, String diagnosticCode) {
        Recipient {
            Objects.requireNonNull(address, "address");
            status = status == null ? "" : status;
            action = action == null ? "" : action;
            diagnosticCode = diagnosticCode == null ? "" : diagnosticCode;
        }
    }
}
