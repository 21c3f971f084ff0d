package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SesNotificationParserTest {

    private final SesNotificationParser parser = new SesNotificationParser(JsonMapper.builder().build());

    /** The bounce example of the SES developer guide, with an unknown field added. */
    private static final String BOUNCE = """
            {"notificationType":"Bounce","futureField":{"x":1},
             "bounce":{"bounceType":"Permanent","bounceSubType":"General","reportingMTA":"dsn; a8-70.smtp-out.amazonses.com",
               "bouncedRecipients":[
                 {"emailAddress":"jane@example.com","status":"5.1.1","action":"failed",
                  "diagnosticCode":"smtp; 550 5.1.1 <jane@example.com>... User"},
                 {"emailAddress":"richard@example.com","status":"5.1.1","action":"failed",
                  "diagnosticCode":"smtp; 550 5.1.1 <richard@example.com>... User"}],
               "timestamp":"2016-01-27T14:59:44.000Z","feedbackId":"00000138111222aa-44455566-cccc-cccc-cccc-ddddaaaa068a-000000",
               "remoteMtaIp":"127.0.2.0"},
             "mail":{"timestamp":"2016-01-27T14:59:38.237Z","source":"john@example.com",
               "messageId":"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000",
               "destination":["jane@example.com","mary@example.com","richard@example.com"]}}
            """;

    @Test
    void aBounceGivesEveryRecipientWithStatusActionAndDiagnostic() throws Exception {
        SesNotification n = parser.parse(BOUNCE);
        assertThat(n.type()).isEqualTo(SesNotification.Type.BOUNCE);
        assertThat(n.bounceType()).isEqualTo("Permanent");
        assertThat(n.bounceSubType()).isEqualTo("General");
        assertThat(n.occurredAt()).isEqualTo(Instant.parse("2016-01-27T14:59:44Z"));
        assertThat(n.mailMessageId()).startsWith("00000138111222aa-33322211");
        assertThat(n.recipients()).extracting(SesNotification.Recipient::address)
                .containsExactly("jane@example.com", "richard@example.com");
        assertThat(n.recipients().get(0).status()).isEqualTo("5.1.1");
        assertThat(n.recipients().get(0).action()).isEqualTo("failed");
        assertThat(n.recipients().get(0).diagnosticCode()).startsWith("smtp; 550 5.1.1");
    }

    @Test
    void complaintsDeliveriesAndTheEventPublishingFormatAreRead() throws Exception {
        SesNotification complaint = parser.parse("""
                {"eventType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"a@b.com"}],
                 "timestamp":"2026-01-01T00:00:00Z","complaintFeedbackType":"abuse"},"mail":{"messageId":"m"}}""");
        assertThat(complaint.type()).isEqualTo(SesNotification.Type.COMPLAINT);
        assertThat(complaint.recipients()).extracting(SesNotification.Recipient::address).containsExactly("a@b.com");
        SesNotification delivery = parser.parse("""
                {"notificationType":"Delivery","delivery":{"recipients":["x@y.com","z@y.com"],
                 "timestamp":"2026-01-01T00:00:00Z","smtpResponse":"250 ok"},"mail":{"messageId":"m"}}""");
        assertThat(delivery.recipients()).hasSize(2);
    }

    @Test
    void malformedNotificationsSayWhy() {
        String[][] cases = {
                {"not json", "not JSON"},
                {"[1]", "not a JSON object"},
                {"{\"notificationType\":\"Bounce\"}", "no mail.messageId"},
                {"{\"mail\":{\"messageId\":\"m\"}}", "no notificationType"},
                {"{\"notificationType\":\"Open\",\"mail\":{\"messageId\":\"m\"}}", "unsupported notificationType Open"},
                {"{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m\"},\"bounce\":{\"bounceType\":\"Permanent\","
                        + "\"bouncedRecipients\":[{\"emailAddress\":42}],\"timestamp\":\"2026-01-01T00:00:00Z\"}}",
                        "a recipient without emailAddress"},
                {"{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m\"},\"bounce\":{\"bounceType\":\"Permanent\","
                        + "\"bouncedRecipients\":[{\"emailAddress\":\"a@b.com\"}],\"timestamp\":\"yesterday\"}}",
                        "timestamp is not ISO-8601"},
                {"{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m\"},\"bounce\":{"
                        + "\"bouncedRecipients\":[{\"emailAddress\":\"a@b.com\"}],\"timestamp\":\"2026-01-01T00:00:00Z\"}}",
                        "Bounce without bounceType"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> parser.parse(c[0])).as(c[0]).isInstanceOf(SesNotificationParser.Malformed.class)
                    .hasMessage(c[1]);
        }
    }

    @Test
    void classificationSuppressesOnlyOnEvidenceThatTheMailboxIsMissing() throws Exception {
        record Case(String type, String subType, String status, String diagnostic, FeedbackKind expected) {
        }
        Case[] cases = {
                new Case("Permanent", "NoEmail", "", "", FeedbackKind.MAILBOX_MISSING),
                new Case("Permanent", "General", "5.1.1", "smtp; 550 5.1.1 user unknown", FeedbackKind.MAILBOX_MISSING),
                new Case("Permanent", "General", "", "smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound",
                        FeedbackKind.MAILBOX_MISSING),
                new Case("Permanent", "General", "5.7.1", "550 5.7.1 message rejected", FeedbackKind.SENDER_REJECTION),
                new Case("Permanent", "General", "5.7.26", "550-5.7.26 unauthenticated mail, DMARC",
                        FeedbackKind.SENDER_REJECTION),
                new Case("Permanent", "General", "5.1.1", "550 5.1.1 blocked, listed at Spamhaus",
                        FeedbackKind.SENDER_REJECTION),
                new Case("Permanent", "Suppressed", "5.1.1", "Amazon SES has suppressed sending",
                        FeedbackKind.SES_SUPPRESSED),
                new Case("Permanent", "OnAccountSuppressionList", "", "", FeedbackKind.SES_SUPPRESSED),
                new Case("Permanent", "General", "5.2.1", "550 5.2.1 mailbox disabled", FeedbackKind.PERMANENT_OTHER),
                new Case("Transient", "MailboxFull", "4.2.2", "452 4.2.2 over quota", FeedbackKind.TRANSIENT),
                new Case("Transient", "General", "5.1.1", "", FeedbackKind.TRANSIENT),
                new Case("Undetermined", "Undetermined", "", "", FeedbackKind.TRANSIENT),
        };
        for (Case c : cases) {
            SesNotification.Recipient r = new SesNotification.Recipient("a@b.com", c.status(), "failed",
                    c.diagnostic());
            SesNotification n = new SesNotification(SesNotification.Type.BOUNCE, "m", Instant.EPOCH, c.type(),
                    c.subType(), java.util.List.of(r));
            assertThat(FeedbackKind.of(n, r)).as(c.toString()).isEqualTo(c.expected());
        }
    }
}
