package io.github.customeremail.service;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message Amazon SNS posts to an HTTPS subscription, with the fields its signature covers.
 *
 * @param fields every string field of the JSON document, by name
 */
record SnsMessage(Map<String, String> fields) {

    static final String NOTIFICATION = "Notification";
    static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    /** Fields signed in a Notification, in the order of the string to sign (Subject only when present). */
    private static final String[] NOTIFICATION_SIGNED = {"Message", "MessageId", "Subject", "Timestamp", "TopicArn",
            "Type"};
    /** Fields signed in a (Un)SubscriptionConfirmation. */
    private static final String[] CONFIRMATION_SIGNED = {"Message", "MessageId", "SubscribeURL", "Timestamp", "Token",
            "TopicArn", "Type"};

    /** A body that is not an SNS message. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason);
        }
    }

    static SnsMessage parse(JsonMapper json, byte[] body) throws Invalid {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new Invalid("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("the body is not a JSON object");
        }
        Map<String, String> fields = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getValue().isString()) {
                fields.put(e.getKey(), e.getValue().asString());
            }
        }
        SnsMessage m = new SnsMessage(Map.copyOf(fields));
        for (String required : new String[] {"Type", "MessageId", "Timestamp", "TopicArn", "Message",
                "SignatureVersion", "Signature", "SigningCertURL"}) {
            if (m.get(required) == null) {
                throw new Invalid("no " + required);
            }
        }
        if (m.signedFields() == null) {
            throw new Invalid("unknown Type");
        }
        if (!m.type().equals(NOTIFICATION) && (m.get("SubscribeURL") == null || m.get("Token") == null)) {
            throw new Invalid("a confirmation without SubscribeURL or Token");
        }
        return m;
    }

    String get(String name) {
        return fields.get(name);
    }

    String type() {
        return get("Type");
    }

    String messageId() {
        return get("MessageId");
    }

    private String[] signedFields() {
        return switch (type()) {
            case NOTIFICATION -> NOTIFICATION_SIGNED;
            case SUBSCRIPTION_CONFIRMATION, UNSUBSCRIBE_CONFIRMATION -> CONFIRMATION_SIGNED;
            default -> null;
        };
    }

    /**
     * The string to sign, as AWS documents it: for each signed field present, in byte order of the names, the
     * name, a newline, the value, a newline.
     *
     * @return the canonical text the signature covers
     */
    String stringToSign() {
        StringBuilder out = new StringBuilder(512);
        for (String name : signedFields()) {
            String value = get(name);
            if (value != null) {
                out.append(name).append('\n').append(value).append('\n');
            }
        }
        return out.toString();
    }
}
