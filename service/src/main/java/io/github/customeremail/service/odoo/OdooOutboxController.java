package io.github.customeremail.service.odoo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/odoo/outbox} (API key required): whether Odoo is connected, and the queue of work for it —
 * pending, failing (pending after a failed attempt), delivered and kept, the oldest pending, the last error.
 */
@RestController
final class OdooOutboxController {

    private final OdooProperties properties;
    private final OdooOutbox outbox;

    OdooOutboxController(OdooProperties properties, OdooOutbox outbox) {
        this.properties = properties;
        this.outbox = outbox;
    }

    @GetMapping(path = "/v1/odoo/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("connected", properties.enabled());
        status.put("webhook", !properties.webhookSecret().isEmpty());
        status.putAll(outbox.status());
        return status;
    }
}
