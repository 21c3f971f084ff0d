package io.github.customeremail.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads SES notifications: both the notification format ({@code notificationType}) and the event-publishing
 * format ({@code eventType}). Unknown fields are ignored; anything that makes a notification unusable is a
 * {@link Malformed} with the reason, which the intake keeps as a rejected notification.
 */
final class SesNotificationParser {

    /** Longest diagnostic kept; servers sometimes send whole transcripts. */
    static final int MAX_DIAGNOSTIC = 1000;

    private final JsonMapper json;

    SesNotificationParser(JsonMapper json) {
        this.json = json;
    }

    /** A notification that cannot be used, with the reason. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason);
        }
    }

    SesNotification parse(String text) throws Malformed {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new Malformed("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("not a JSON object");
        }
        String kind = text(root, "notificationType");
        if (kind.isEmpty()) {
            kind = text(root, "eventType");
        }
        String mailMessageId = text(root.path("mail"), "messageId");
        if (mailMessageId.isEmpty()) {
            throw new Malformed("no mail.messageId");
        }
        return switch (kind) {
            case "Bounce" -> bounce(root.path("bounce"), mailMessageId);
            case "Complaint" -> simple(SesNotification.Type.COMPLAINT, root.path("complaint"), "complainedRecipients",
                    mailMessageId);
            case "Delivery" -> simple(SesNotification.Type.DELIVERY, root.path("delivery"), "recipients",
                    mailMessageId);
            case "" -> throw new Malformed("no notificationType");
            default -> throw new Malformed("unsupported notificationType " + clip(kind, 40));
        };
    }

    private SesNotification bounce(JsonNode bounce, String mailMessageId) throws Malformed {
        if (!bounce.isObject()) {
            throw new Malformed("Bounce without a bounce object");
        }
        JsonNode list = bounce.path("bouncedRecipients");
        if (!list.isArray() || list.isEmpty()) {
            throw new Malformed("Bounce without bouncedRecipients");
        }
        List<SesNotification.Recipient> recipients = new ArrayList<>(list.size());
        for (JsonNode r : list) {
            recipients.add(new SesNotification.Recipient(address(r.path("emailAddress")), text(r, "status"),
                    text(r, "action"), clip(text(r, "diagnosticCode"), MAX_DIAGNOSTIC)));
        }
        String type = text(bounce, "bounceType");
        if (type.isEmpty()) {
            throw new Malformed("Bounce without bounceType");
        }
        return new SesNotification(SesNotification.Type.BOUNCE, mailMessageId, timestamp(bounce), type,
                text(bounce, "bounceSubType"), recipients);
    }

    private SesNotification simple(SesNotification.Type type, JsonNode body, String field, String mailMessageId)
            throws Malformed {
        String name = type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT);
        if (!body.isObject()) {
            throw new Malformed(name + " without a " + name.toLowerCase(Locale.ROOT) + " object");
        }
        JsonNode list = body.path(field);
        if (!list.isArray() || list.isEmpty()) {
            throw new Malformed(name + " without " + field);
        }
        List<SesNotification.Recipient> recipients = new ArrayList<>(list.size());
        for (JsonNode r : list) {
            // complainedRecipients are objects; delivery.recipients are plain strings
            JsonNode address = r.isObject() ? r.path("emailAddress") : r;
            recipients.add(new SesNotification.Recipient(address(address), "", "", ""));
        }
        return new SesNotification(type, mailMessageId, timestamp(body), "", "", recipients);
    }

    private static String address(JsonNode node) throws Malformed {
        if (!node.isString() || node.asString().isBlank()) {
            throw new Malformed("a recipient without emailAddress");
        }
        String a = node.asString().strip();
        if (a.length() > 320 || a.indexOf('@') <= 0) {
            throw new Malformed("a recipient whose emailAddress is not an address");
        }
        return a;
    }

    private static Instant timestamp(JsonNode body) throws Malformed {
        String t = text(body, "timestamp");
        if (t.isEmpty()) {
            throw new Malformed("no timestamp");
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new Malformed("timestamp is not ISO-8601");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() ? v.asString() : "";
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
