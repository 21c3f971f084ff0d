package io.github.customeremail.service;

import io.github.customeremail.SuppressionList;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suppression list for clerks and services: why an address is refused, lifting it, the export file, erasure of
 * everything stored about an address, and the sending statistics. Addresses travel in bodies; the path-safe id
 * ({@code id} in every answer) can be used in URLs instead. An API key is required.
 */
@RestController
class SuppressionController {

    private static final Logger LOG = LoggerFactory.getLogger(SuppressionController.class);

    private final FeedbackStore store;
    private final SuppressionCache cache;
    private final JsonMapper json;
    private final ServiceProperties.Health health;
    /** Empty unless SES's account-level list is kept in step. */
    private final java.util.Optional<SesAccountSuppressions> ses;

    SuppressionController(FeedbackStore store, SuppressionCache cache, JsonMapper json, ServiceProperties properties,
                          java.util.Optional<SesAccountSuppressions> ses) {
        this.store = store;
        this.cache = cache;
        this.json = json;
        this.health = properties.health();
        this.ses = ses;
    }

    /**
     * A request naming one address.
     *
     * @param address the address
     */
    record AddressRequest(String address) {
        String key() {
            if (address == null || address.isBlank() || address.length() > 320) {
                throw new ErrorResponses.BadRequest("send {\"address\": \"…\"}");
            }
            return SuppressionList.key(address.strip());
        }
    }

    @PostMapping(path = "/v1/suppressions/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> lookup(@RequestBody(required = false) AddressRequest request) {
        String key = request(request).key();
        return store.find(key).map(SuppressionController::view)
                .orElseThrow(() -> new ErrorResponses.NotFound("nothing is stored about this address"));
    }

    @GetMapping(path = "/v1/suppressions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> byId(@PathVariable String id) {
        return store.findById(id).map(SuppressionController::view)
                .orElseThrow(() -> new ErrorResponses.NotFound("no address has this id"));
    }

    /** Lifts the suppression of the address in the body. */
    @PostMapping(path = "/v1/suppressions/lift", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> lift(@RequestBody(required = false) AddressRequest request) {
        return lifted(request(request).key());
    }

    @DeleteMapping(path = "/v1/suppressions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> liftById(@PathVariable String id) {
        String key = store.findById(id).map(FeedbackStore.AddressRecord::address)
                .orElseThrow(() -> new ErrorResponses.NotFound("no address has this id"));
        return lifted(key);
    }

    private Map<String, Object> lifted(String key) {
        boolean was = store.lift(key);
        cache.refresh(List.of(key));
        LOG.info("suppression of {} lifted (was suppressed: {})", Masked.address(key), was);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("lifted", was);
        ses.ifPresent(s -> answer.put("ses", s.lift(key).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        return answer;
    }

    /** Deletes everything stored about the address in the body (the customer's right to erasure). */
    @PostMapping(path = "/v1/addresses/erase", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> erase(@RequestBody(required = false) AddressRequest request) {
        String key = request(request).key();
        int rows = store.erase(key);
        cache.refresh(List.of(key));
        LOG.info("everything stored about {} erased ({} rows)", Masked.address(key), rows);
        return Map.of("erasedRows", rows);
    }

    /**
     * The export file: one JSON object per line per suppressed address ({@code address}, {@code reason},
     * {@code date}, {@code diagnostic}), the format the library's users can load into an
     * {@code InMemorySuppressionList}.
     */
    @GetMapping(path = "/v1/suppressions/export", produces = "application/x-ndjson")
    ResponseEntity<byte[]> export() {
        StringBuilder out = new StringBuilder();
        for (FeedbackStore.AddressRecord r : store.suppressed()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("address", r.address());
            line.put("reason", r.reason());
            line.put("date", LocalDate.ofInstant(r.suppressedAt(), ZoneOffset.UTC).toString());
            line.put("diagnostic", r.diagnostic());
            out.append(json.writeValueAsString(line)).append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"suppressions-"
                        + LocalDate.now(ZoneOffset.UTC) + ".jsonl\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Daily sending statistics: deliveries, bounces by kind, complaints, for the last {@code days} days. */
    @GetMapping(path = "/v1/sending/days", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> sendingDays(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 400) {
            throw new ErrorResponses.BadRequest("days must be 1..400");
        }
        return Map.of("days", store.sendingDays(days));
    }

    /**
     * Rolling sending health over the last {@code days} days: hard-bounce and complaint rates of the recipients
     * mailed, the state ({@code ok}, {@code warning}, {@code critical}), sender-side rejections counted apart, and the
     * domains that bounce most.
     */
    @GetMapping(path = "/v1/sending/health", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> sendingHealth(@RequestParam(defaultValue = "7") int days) {
        if (days < 1 || days > 400) {
            throw new ErrorResponses.BadRequest("days must be 1..400");
        }
        Map<String, Object> v = SendingHealth.of(store.sendingTotals(days), health);
        v.put("days", days);
        v.put("topBouncingDomains", store.topBouncingDomains(days, 10));
        return v;
    }

    private static AddressRequest request(AddressRequest request) {
        if (request == null) {
            throw new ErrorResponses.BadRequest("send {\"address\": \"…\"}");
        }
        return request;
    }

    private static Map<String, Object> view(FeedbackStore.AddressRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("address", r.address());
        v.put("id", r.id());
        v.put("suppressed", r.reason() != null);
        v.put("reason", r.reason() == null ? null : r.entry().orElseThrow().reason().id());
        v.put("suppressedAt", str(r.suppressedAt()));
        v.put("diagnostic", r.diagnostic());
        v.put("bounceType", r.bounceType());
        v.put("bounceSubType", r.bounceSubType());
        v.put("firstSeen", str(r.firstSeen()));
        v.put("lastSeen", str(r.lastSeen()));
        v.put("count", r.count());
        v.put("counts", r.counts());
        v.put("mailMessageIds", r.mailMessageIds());
        return v;
    }

    private static String str(Instant t) {
        return t == null ? null : t.toString();
    }
}
