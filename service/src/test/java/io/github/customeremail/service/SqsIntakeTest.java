package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SQS pull against a loopback SQS stand-in: store, then delete; faults of the stand-in are ridden out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.sqs.region=us-east-1",
        "customer-email.service.sqs.wait-time=1s",
        "spring.datasource.url=jdbc:h2:mem:sqs;DB_CLOSE_DELAY=-1"})
class SqsIntakeTest {

    private static final LoopbackSqs SQS = start();

    @Autowired
    FeedbackStore store;
    @Autowired
    JdbcClient jdbc;

    private static LoopbackSqs start() {
        try {
            // the SDK's default credentials chain reads these system properties first
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            return new LoopbackSqs();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void queue(DynamicPropertyRegistry registry) {
        registry.add("customer-email.service.sqs.endpoint", SQS::endpoint);
        registry.add("customer-email.service.sqs.queue-url", () -> SQS.endpoint() + "/123456789012/ses-feedback");
    }

    @AfterAll
    static void stop() {
        SQS.close();
    }

    @Test
    void messagesAreStoredThenDeletedAndFaultsAreRiddenOut() throws Exception {
        // the stand-in fails the next two receive calls; the poller (and the SDK's retries) must ride them out
        SQS.failNextReceives.set(2);
        for (int i = 0; i < 600 && SQS.failedReceives.get() < 2; i++) {
            Thread.sleep(100);
        }
        assertThat(SQS.failedReceives.get()).isEqualTo(2);
        Instant at = Instant.parse("2026-11-03T10:00:00Z");
        String envelope = SnsSigner.json(Map.of("Type", "Notification", "MessageId", "sns-sqs-1", "Message",
                SnsSigner.bounce("cola@gmail.com", "Permanent", "NoEmail", "5.1.1", "550 5.1.1 unknown", at)));
        List<String> receipts = List.of(
                SQS.send(envelope),
                SQS.send(SnsSigner.complaint("raw@hotmail.com", at)), // raw message delivery: a bare SES notification
                SQS.send("garbage"),
                SQS.send(envelope)); // the same notification delivered twice
        // wait for the poller (no timing in the assertions: the deletions are what is awaited)
        for (int i = 0; i < 600 && SQS.deletedReceipts.size() < receipts.size(); i++) {
            Thread.sleep(100);
        }
        assertThat(SQS.deletedReceipts).containsExactlyInAnyOrderElementsOf(receipts);
        assertThat(store.find("cola@gmail.com").orElseThrow().reason()).isEqualTo("MAILBOX_DOES_NOT_EXIST");
        assertThat(store.find("cola@gmail.com").orElseThrow().count()).isEqualTo(1);
        assertThat(store.find("raw@hotmail.com").orElseThrow().reason()).isEqualTo("COMPLAINT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ses_notification WHERE status = 'rejected' AND source = 'sqs'")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
