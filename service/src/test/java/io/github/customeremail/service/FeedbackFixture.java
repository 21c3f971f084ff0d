package io.github.customeremail.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
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

    /**
     * @return a pool of up to {@code maxConnections} connections to the database at {@code url} (empty password),
     *         with the service's Flyway migrations applied, as the service sees it at start; close it after the test
     */
    public static HikariDataSource migratedDatabase(String url, String user, int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(maxConnections);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
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
