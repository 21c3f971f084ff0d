package io.github.customeremail.service;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds SNS messages signed the way Amazon SNS signs them, written from AWS's documentation independently of the
 * service's verifier: the string to sign is "Name\nvalue\n" for Message, MessageId, Subject (if any), Timestamp,
 * TopicArn and Type of a notification; Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn and Type of a
 * confirmation.
 */
final class SnsSigner {

    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-feedback";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrivateKey key;
    private final String certUrl;

    SnsSigner(PrivateKey key, String certUrl) {
        this.key = key;
        this.certUrl = certUrl;
    }

    Map<String, String> notification(String messageId, String sesJson, int version) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Type", "Notification");
        m.put("MessageId", messageId);
        m.put("TopicArn", TOPIC);
        m.put("Message", sesJson);
        m.put("Timestamp", Instant.now().toString());
        m.put("SignatureVersion", Integer.toString(version));
        m.put("SigningCertURL", certUrl);
        m.put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        String toSign = "Message\n" + m.get("Message") + "\nMessageId\n" + messageId + "\nTimestamp\n"
                + m.get("Timestamp") + "\nTopicArn\n" + TOPIC + "\nType\nNotification\n";
        m.put("Signature", sign(toSign, version));
        return m;
    }

    Map<String, String> subscriptionConfirmation(String subscribeUrl) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        m.put("Type", "SubscriptionConfirmation");
        m.put("MessageId", id);
        m.put("Token", "2336412f37fb687f5d51e6e2425c464de12884");
        m.put("TopicArn", TOPIC);
        m.put("Message", "You have chosen to subscribe to the topic " + TOPIC
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.");
        m.put("SubscribeURL", subscribeUrl);
        m.put("Timestamp", Instant.now().toString());
        m.put("SignatureVersion", "2");
        m.put("SigningCertURL", certUrl);
        String toSign = "Message\n" + m.get("Message") + "\nMessageId\n" + id + "\nSubscribeURL\n" + subscribeUrl
                + "\nTimestamp\n" + m.get("Timestamp") + "\nToken\n" + m.get("Token") + "\nTopicArn\n" + TOPIC
                + "\nType\nSubscriptionConfirmation\n";
        m.put("Signature", sign(toSign, 2));
        return m;
    }

    private String sign(String text, int version) throws Exception {
        Signature s = Signature.getInstance(version == 1 ? "SHA1withRSA" : "SHA256withRSA");
        s.initSign(key);
        s.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static String json(Map<String, ?> message) {
        return JSON.writeValueAsString(message);
    }

    /** An SES bounce notification for one recipient. */
    static String bounce(String address, String type, String subType, String status, String diagnostic,
                         Instant at) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("emailAddress", address);
        recipient.put("action", "failed");
        recipient.put("status", status);
        recipient.put("diagnosticCode", diagnostic);
        Map<String, Object> bounce = new LinkedHashMap<>();
        bounce.put("bounceType", type);
        bounce.put("bounceSubType", subType);
        bounce.put("bouncedRecipients", java.util.List.of(recipient));
        bounce.put("timestamp", at.toString());
        bounce.put("feedbackId", UUID.randomUUID().toString());
        bounce.put("reportingMTA", "dsn; a8-70.smtp-out.amazonses.com");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("notificationType", "Bounce");
        root.put("bounce", bounce);
        root.put("mail", Map.of("timestamp", at.toString(), "messageId", "0100-" + UUID.randomUUID(),
                "source", "facturas@tumatera.com", "destination", java.util.List.of(address)));
        return json(root);
    }

    static String complaint(String address, Instant at) {
        return json(Map.of("notificationType", "Complaint",
                "complaint", Map.of("complainedRecipients", java.util.List.of(Map.of("emailAddress", address)),
                        "timestamp", at.toString(), "feedbackId", UUID.randomUUID().toString(),
                        "complaintFeedbackType", "abuse"),
                "mail", Map.of("timestamp", at.toString(), "messageId", "0100-" + UUID.randomUUID(),
                        "source", "facturas@tumatera.com")));
    }
}
