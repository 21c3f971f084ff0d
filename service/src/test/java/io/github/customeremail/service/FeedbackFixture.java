package io.github.customeremail.service;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** SES notifications fed through the service's real intake, for tests in other packages of the service. */
public final class FeedbackFixture {

    private FeedbackFixture() {
    }

    /**
     * Stores a notification as the SNS and SQS intakes do.
     *
     * @return the outcome: {@code STORED}, {@code DUPLICATE} or {@code REJECTED}
     */
    public static String accept(ApplicationContext context, String notificationId, String sesJson) {
        return context.getBean(FeedbackIntake.class).accept(notificationId, "test", sesJson).name();
    }

    /**
     * @return the JDBC URL of a new, empty PostgreSQL database (user {@code postgres}); skips the test, or fails it
     *         under {@code CI=true}, when no server is configured
     */
    public static String newPostgresDatabase() {
        return PostgresDatabase.create();
    }

    /** @return a new notification id */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A permanent bounce: the mailbox does not exist (5.1.1). */
    public static String hardBounce(String address, String diagnostic, Instant at) {
        return SnsSigner.bounce(address, "Permanent", "General", "5.1.1", diagnostic, at);
    }

    /** A temporary bounce (mailbox full). */
    public static String transientBounce(String address, Instant at) {
        return SnsSigner.bounce(address, "Transient", "MailboxFull", "4.2.2", "smtp; 452 4.2.2 mailbox full", at);
    }

    /** A complaint. */
    public static String complaint(String address, Instant at) {
        return SnsSigner.complaint(address, at);
    }
}
