package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SQS pull while PostgreSQL is stopped for real: messages read during the outage are not deleted, so the queue
 * delivers them again after their visibility timeout; once the server is back they are stored once each and deleted,
 * with no manual step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.sqs.region=us-east-1",
        "customer-email.service.sqs.wait-time=1s",
        "spring.datasource.username=postgres",
        "spring.datasource.password="})
class PostgresSqsOutageTest {

    private static LoopbackSqs sqs;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FeedbackStore store;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresDatabase::create);
        registry.add("customer-email.service.sqs.endpoint", () -> queue().endpoint());
        registry.add("customer-email.service.sqs.queue-url", () -> queue().endpoint() + "/123456789012/ses-feedback");
    }

    private static synchronized LoopbackSqs queue() {
        if (sqs == null) {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            try {
                sqs = new LoopbackSqs();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            sqs.visibilityTimeout = Duration.ofSeconds(2);
        }
        return sqs;
    }

    @BeforeAll
    static void needsPostgres() {
        PostgresDatabase.serverUrl(); // skips (or fails under CI=true) before the context needs the database
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
    }

    private static String bounce(String id, String address) {
        return SnsSigner.json(Map.of("Type", "Notification", "MessageId", id, "Message", SnsSigner.bounce(address,
                "Permanent", "NoEmail", "5.1.1", "550 5.1.1 unknown", Instant.parse("2026-11-03T10:00:00Z"))));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1800 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void messagesStayOnTheQueueWhileTheDatabaseIsDownAndAreStoredOnceAfterIt() throws Exception {
        String before = queue().send(bounce("sqs-antes", "antes.sqs@gmail.com"));
        await("the first message is deleted", () -> sqs.deletedReceipts.contains(before));

        List<String> during = new ArrayList<>();
        PostgresDatabase.control("stop");
        try {
            for (int i = 0; i < 3; i++) {
                during.add(sqs.send(bounce("sqs-durante-" + i, "durante" + i + ".sqs@gmail.com")));
            }
            // read, not stored, not deleted, and delivered again after the visibility timeout
            await("a message read during the outage is delivered again", () -> during.stream()
                    .anyMatch(r -> sqs.deliveries.getOrDefault(r, new java.util.concurrent.atomic.AtomicInteger())
                            .get() >= 2));
            assertThat(sqs.deletedReceipts).doesNotContainAnyElementsOf(during);
        } finally {
            PostgresDatabase.control("start");
        }
        await("every message is deleted after the recovery", () -> sqs.deletedReceipts.containsAll(during));
        for (int i = 0; i < 3; i++) {
            FeedbackStore.AddressRecord r = store.find("durante" + i + ".sqs@gmail.com").orElseThrow();
            assertThat(r.count()).as("stored once").isEqualTo(1);
            assertThat(r.reason()).isEqualTo("MAILBOX_DOES_NOT_EXIST");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ses_notification WHERE message_id LIKE 'sqs-%'")
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(sqs.deletedReceipts.stream().filter(during::contains).count())
                .as("each deleted once it was stored").isEqualTo(3);
    }
}
