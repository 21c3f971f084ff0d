package io.github.customeremail.service.odoo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The endpoint for Odoo's automation rule "Send Webhook Notification" on contacts: Odoo posts, after its commit,
 * {@code {"_action": …, "_id": 42, "_model": "res.partner", "email": "…", "id": 42, …}} (the chosen fields, read
 * with {@code load=None}; keys sorted) and waits at most one second, ignoring the answer. The call is only queued
 * here (one row in the outbox) and answered at once; the worker checks the address and posts a note on the partner
 * when something is wrong. Authenticated by the secret in the URL (Odoo's rule can set no header) or in the
 * {@value #SECRET_HEADER} header, compared in constant time. Without {@code customer-email.odoo.webhook-secret} it
 * answers 404.
 */
@org.springframework.web.bind.annotation.RestController
final class OdooWebhookController {

    static final String SECRET_HEADER = "X-Webhook-Secret";

    private final byte[] secret;
    private final OdooOutbox outbox;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    OdooWebhookController(OdooProperties properties, OdooOutbox outbox, JsonMapper json) {
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.outbox = outbox;
        this.json = json;
    }

    @PostMapping(path = "/odoo/webhook/{given}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> inPath(@PathVariable String given, @RequestBody(required = false) byte[] body) {
        return handle(given, body);
    }

    @PostMapping(path = "/odoo/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> inHeader(@RequestHeader(name = SECRET_HEADER, required = false) String given,
                                                 @RequestBody(required = false) byte[] body) {
        return handle(given, body);
    }

    private ResponseEntity<Map<String, Object>> handle(String given, byte[] body) {
        if (secret.length == 0) {
            return answer(HttpStatus.NOT_FOUND, "not-found", "the Odoo webhook is not enabled "
                    + "(customer-email.odoo.webhook-secret)");
        }
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return answer(HttpStatus.FORBIDDEN, "forbidden", "wrong or missing webhook secret");
        }
        JsonNode call;
        try {
            call = body == null ? null : json.readTree(body);
        } catch (JacksonException e) {
            call = null;
        }
        if (call == null || !call.isObject()) {
            return answer(HttpStatus.BAD_REQUEST, "bad-request", "expected the JSON object of Odoo's webhook");
        }
        JsonNode model = call.path("_model");
        if (!model.isMissingNode() && !"res.partner".equals(model.asString(""))) {
            return answer(HttpStatus.UNPROCESSABLE_CONTENT, "wrong-model",
                    "the rule must be on Contact (res.partner), not " + model.asString(""));
        }
        JsonNode id = call.has("_id") ? call.path("_id") : call.path("id");
        if (!id.isInt() || id.asInt() < 1) {
            return answer(HttpStatus.UNPROCESSABLE_CONTENT, "no-id", "the call carries no record id (_id)");
        }
        JsonNode email = call.path("email");
        if (email.isMissingNode()) {
            return answer(HttpStatus.UNPROCESSABLE_CONTENT, "no-email",
                    "add the Email field to the rule's fields to send");
        }
        if (!email.isString() || email.asString().isBlank()) {
            return answer(HttpStatus.ACCEPTED, "nothing-to-check", "the contact has no email");
        }
        boolean queued = outbox.queueCheck(id.asInt(), email.asString(), clock.instant());
        return answer(HttpStatus.ACCEPTED, queued ? "queued" : "already-queued",
                queued ? "the address will be checked" : "this address of this contact was checked before");
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String outcome, String message) {
        return ResponseEntity.status(status).body(Map.of("outcome", outcome, "message", message));
    }
}
