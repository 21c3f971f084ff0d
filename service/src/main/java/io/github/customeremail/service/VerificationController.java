package io.github.customeremail.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether the customer confirmed an address by reading back a code. Like the suppression list: the address travels
 * in a body ({@code POST /v1/verifications/lookup}), or its path-safe id goes in the URL
 * ({@code GET /v1/verifications/{id}}), so addresses stay out of access logs. An API key is required.
 */
@RestController
class VerificationController {

    private final VerificationStore store;

    VerificationController(VerificationStore store) {
        this.store = store;
    }

    @PostMapping(path = "/v1/verifications/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> lookup(@RequestBody(required = false) SuppressionController.AddressRequest request) {
        if (request == null) {
            throw new ErrorResponses.BadRequest("send {\"address\": \"…\"}");
        }
        return store.verified(request.key()).map(VerificationController::view)
                .orElseThrow(() -> new ErrorResponses.NotFound("this address was not confirmed by a code"));
    }

    @GetMapping(path = "/v1/verifications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> byId(@PathVariable String id) {
        return store.verifiedById(id).map(VerificationController::view)
                .orElseThrow(() -> new ErrorResponses.NotFound("no confirmed address has this id"));
    }

    private static Map<String, Object> view(VerificationStore.Verified v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", v.address());
        out.put("id", v.id());
        out.put("verified", true);
        out.put("verifiedAt", v.verifiedAt().toString());
        out.put("clerk", v.clerk());
        return out;
    }
}
