package io.github.customeremail.service;

import io.github.customeremail.dns.SenderFinding;
import io.github.customeremail.dns.SenderReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/sender}: the last sender-readiness report of every configured sending domain, each domain the
 * object the CLI's {@code sender --format json} prints, messages in the request's language.
 */
@RestController
class SenderController {

    private final SenderWatch watch;

    SenderController(SenderWatch watch) {
        this.watch = watch;
    }

    /**
     * The response.
     *
     * @param checkedAt when the last run finished
     * @param status    the worst status of all domains: ok, warning, error or unknown
     * @param domains   one per configured domain, in the configured order
     */
    record SenderResponse(Instant checkedAt, String status, List<DomainView> domains) {
    }

    /**
     * One domain, as {@code customer-email sender --format json} prints it.
     *
     * @param domain the sending domain
     * @param status ok, warning, error or unknown
     * @param checks every check made
     */
    record DomainView(String domain, String status, List<CheckView> checks) {

        static DomainView of(SenderReport report, Locale locale) {
            List<CheckView> checks = new ArrayList<>(report.checks().size());
            for (SenderFinding f : report.checks()) {
                checks.add(new CheckView(f.name(), f.status().id(), f.code().name(), f.message(locale)));
            }
            return new DomainView(report.domain(), report.status().id(), checks);
        }
    }

    /**
     * One check.
     *
     * @param name    what was checked ({@code spf.lookups}, {@code dkim.ses.TOKEN}…)
     * @param status  ok, warning, error or unknown
     * @param code    the stable code ({@code io.github.customeremail.dns.SenderCode})
     * @param message what to do, in the request's language
     */
    record CheckView(String name, String status, String code, String message) {
    }

    @GetMapping(path = "/v1/sender", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        if (watch.domains().isEmpty()) {
            throw new ErrorResponses.NotFound("no sending domain is configured: set "
                    + SenderWatchProperties.PREFIX + ".domains[0].name");
        }
        SenderWatch.Snapshot snapshot = watch.last().orElse(null);
        if (snapshot == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                    .body(new ApiError("not-checked-yet", "the first check of the sending domains has not finished"));
        }
        Locale locale = Languages.pick(acceptLanguage);
        List<DomainView> domains = snapshot.reports().stream().map(r -> DomainView.of(r, locale)).toList();
        return ResponseEntity.ok(new SenderResponse(snapshot.checkedAt(), snapshot.status().id(), domains));
    }
}
