package io.github.customeremail.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/ses/notifications}: the HTTPS subscription of the SNS topic SES publishes bounces, complaints and
 * deliveries to. Every message's signature is verified before anything else; a refused message is answered 403 and
 * never stored. A notification is answered 200 only after it is committed; a database outage is a 503, so SNS
 * retries.
 */
@RestController
class SnsController {

    private static final Logger LOG = LoggerFactory.getLogger(SnsController.class);

    private final JsonMapper json;
    private final SnsSignatureVerifier verifier;
    private final FeedbackIntake intake;
    private final HttpClient http;
    private final ServiceProperties.Sns settings;
    private final List<Pattern> subscribeHosts;

    SnsController(JsonMapper json, SnsSignatureVerifier verifier, FeedbackIntake intake,
                  @Qualifier("sns") HttpClient http, ServiceProperties properties) {
        this.json = json;
        this.verifier = verifier;
        this.intake = intake;
        this.http = http;
        this.settings = properties.sns();
        this.subscribeHosts = settings.subscribeHosts().stream().map(Pattern::compile).toList();
    }

    @PostMapping(path = "/v1/ses/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> receive(@RequestBody(required = false) byte[] body,
                                                @RequestHeader(name = "Authorization", required = false)
                                                String authorization) {
        if (!settings.basicAuthUser().isEmpty() && !basicAuthMatches(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Basic realm=\"customer-email\"")
                    .body(Map.of("error", "unauthorized", "message", "basic auth required"));
        }
        SnsMessage message;
        try {
            message = SnsMessage.parse(json, body == null ? new byte[0] : body);
        } catch (SnsMessage.Invalid e) {
            return refuse(HttpStatus.BAD_REQUEST, "bad-request", "not an SNS message: " + e.getMessage());
        }
        if (!settings.topicArns().isEmpty() && !settings.topicArns().contains(message.get("TopicArn"))) {
            return refuse(HttpStatus.FORBIDDEN, "forbidden", "the topic is not allowed");
        }
        try {
            verifier.verify(message);
        } catch (SnsSignatureVerifier.Rejected e) {
            LOG.warn("SNS message {} refused: {}", message.messageId(), e.getMessage());
            return refuse(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
        }
        return switch (message.type()) {
            case SnsMessage.NOTIFICATION -> {
                FeedbackStore.Outcome outcome = intake.accept(message.messageId(), "sns", message.get("Message"));
                yield ResponseEntity.ok(Map.of("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
            }
            case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message);
            default -> {
                LOG.warn("SNS unsubscribed this endpoint from {}", message.get("TopicArn"));
                yield ResponseEntity.ok(Map.of("outcome", "unsubscribed"));
            }
        };
    }

    private ResponseEntity<Map<String, String>> confirm(SnsMessage message) {
        String url = message.get("SubscribeURL");
        if (!SigningCertificates.allowed(url, subscribeHosts)) {
            return refuse(HttpStatus.FORBIDDEN, "forbidden", "SubscribeURL is not https on an allowed host");
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.fetchTimeout()).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                LOG.info("SNS subscription to {} confirmed", message.get("TopicArn"));
                return ResponseEntity.ok(Map.of("outcome", "confirmed"));
            }
            return refuse(HttpStatus.BAD_GATEWAY, "confirmation-failed",
                    "SubscribeURL answered HTTP " + response.statusCode());
        } catch (java.io.IOException e) {
            return refuse(HttpStatus.BAD_GATEWAY, "confirmation-failed", "SubscribeURL could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refuse(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "interrupted");
        }
    }

    private boolean basicAuthMatches(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        byte[] expected = (settings.basicAuthUser() + ":" + settings.basicAuthPassword())
                .getBytes(StandardCharsets.UTF_8);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static ResponseEntity<Map<String, String>> refuse(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
