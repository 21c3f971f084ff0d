package io.github.customeremail.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code POST /v1/suppressions/import-ses}: imports Amazon SES's account-level suppression list (SESv2
 * {@code ListSuppressedDestinations}, every page) into the suppression list, so that the addresses SES refuses to
 * send to are refused at entry too. Each page is committed before the next is asked for; running it again adds only
 * what is new. An API key is required.
 */
@RestController
class SesImportController {

    private static final Logger LOG = LoggerFactory.getLogger(SesImportController.class);

    private final FeedbackStore store;
    private final SuppressionCache cache;
    private final Optional<SesAccountSuppressions> ses;

    SesImportController(FeedbackStore store, SuppressionCache cache, Optional<SesAccountSuppressions> ses) {
        this.store = store;
        this.cache = cache;
        this.ses = ses;
    }

    @PostMapping(path = "/v1/suppressions/import-ses", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> importSes() {
        if (ses.isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "ses-not-configured", "message",
                    "set customer-email.service.ses.enabled=true (and ses.region) to read SES's suppression list"));
        }
        int[] listed = {0};
        int[] pages = {0};
        List<String> suppressed = new ArrayList<>();
        Map<String, Object> answer = new LinkedHashMap<>();
        HttpStatus status = HttpStatus.OK;
        try {
            ses.get().pages(page -> {
                List<String> changed = new ArrayList<>();
                for (SesAccountSuppressions.Listed entry : page) {
                    if (store.importSesSuppression(entry.address(), entry.reason(), entry.lastUpdate())) {
                        changed.add(io.github.customeremail.SuppressionList.key(entry.address().strip()));
                    }
                }
                cache.refresh(changed);
                suppressed.addAll(changed);
                listed[0] += page.size();
                pages[0]++;
            });
            answer.put("complete", true);
        } catch (SdkException e) {
            // What was read so far is committed; running the import again continues where SES lets it.
            LOG.warn("SES suppression list import stopped after {} pages: {}", pages[0], e.getClass().getSimpleName());
            status = HttpStatus.BAD_GATEWAY;
            answer.put("error", "ses-failed");
            answer.put("message", "SES could not be read; what was read is kept; run the import again");
            answer.put("complete", false);
        }
        answer.put("pages", pages[0]);
        answer.put("listed", listed[0]);
        answer.put("suppressed", suppressed.size());
        LOG.info("SES suppression list import: {} pages, {} listed, {} newly suppressed", pages[0], listed[0],
                suppressed.size());
        return ResponseEntity.status(status).body(answer);
    }
}
