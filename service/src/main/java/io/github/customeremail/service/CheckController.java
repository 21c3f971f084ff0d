package io.github.customeremail.service;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/checks}: a batch of addresses in, one result per address out, each the CLI's JSON object. */
@RestController
class CheckController {

    private final CustomerEmailValidator validator;
    private final ServiceProperties properties;
    private final Rechecks rechecks;

    CheckController(CustomerEmailValidator validator, ServiceProperties properties, Rechecks rechecks) {
        this.validator = validator;
        this.properties = properties;
        this.rechecks = rechecks;
    }

    /**
     * The request.
     *
     * @param addresses the addresses as typed, in order
     */
    record CheckRequest(List<String> addresses) {
    }

    /**
     * The response.
     *
     * @param results one per address, in the request's order
     */
    record CheckResponse(List<CheckResult> results) {
    }

    /**
     * One result: the fields of the CLI's {@code --format json}, always present.
     *
     * @param input      the address as sent
     * @param normalized the repaired address, or {@code null}
     * @param verdict    VALID, SUGGEST, INVALID or UNKNOWN
     * @param suggestion the likely intended address, or {@code null}
     * @param findings   codes with messages in the request's language
     */
    record CheckResult(String input, String normalized, String verdict, String suggestion, List<FindingView> findings) {

        static CheckResult of(EmailCheck check, Locale locale) {
            List<FindingView> findings = new ArrayList<>(check.findings().size());
            for (Finding f : check.findings()) {
                findings.add(new FindingView(f.code().id(), f.message(locale)));
            }
            return new CheckResult(check.input(), check.normalized().orElse(null), check.verdict().name(),
                    check.suggestion().map(Suggestion::address).orElse(null), findings);
        }
    }

    /**
     * One finding.
     *
     * @param code    the stable code
     * @param message the message in the request's language
     */
    record FindingView(String code, String message) {
    }

    /** Where a recheck of an address that was UNKNOWN stands. */
    @PostMapping(path = "/v1/rechecks/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    Rechecks.State recheck(@RequestBody(required = false) SuppressionController.AddressRequest request) {
        if (request == null) {
            throw new ErrorResponses.BadRequest("send {\"address\": \"…\"}");
        }
        return rechecks.find(request.key())
                .orElseThrow(() -> new ErrorResponses.NotFound("no recheck of this address"));
    }

    @PostMapping(path = "/v1/checks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CheckResponse check(@RequestBody(required = false) CheckRequest request,
                        @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        if (request == null || request.addresses() == null) {
            throw new ErrorResponses.BadRequest("send {\"addresses\": [\"…\"]}");
        }
        List<String> addresses = request.addresses();
        if (addresses.isEmpty() || addresses.size() > properties.maxBatch()) {
            throw new ErrorResponses.BadRequest("send 1 to " + properties.maxBatch() + " addresses, got "
                    + addresses.size());
        }
        Locale locale = Languages.pick(acceptLanguage);
        // All at once: the DNS lookups of a batch overlap instead of queueing.
        List<CompletableFuture<EmailCheck>> pending = new ArrayList<>(addresses.size());
        for (String address : addresses) {
            pending.add(validator.checkAsync(address));
        }
        List<CheckResult> results = new ArrayList<>(addresses.size());
        for (CompletableFuture<EmailCheck> f : pending) {
            EmailCheck check = f.join();
            if (check.verdict() == io.github.customeremail.Verdict.UNKNOWN && check.normalized().isPresent()) {
                rechecks.schedule(check.normalized().get()); // "save and re-check later"
            }
            results.add(CheckResult.of(check, locale));
        }
        return new CheckResponse(results);
    }
}
