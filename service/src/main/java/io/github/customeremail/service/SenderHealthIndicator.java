package io.github.customeremail.service;

import io.github.customeremail.dns.SenderFinding;
import io.github.customeremail.dns.SenderReport;
import io.github.customeremail.dns.SenderStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Actuator health component {@code sender}: the last sender-readiness run. DOWN when a check of some domain is
 * an error (DMARC missing, SPF {@code +all}, the domain listed…); UNKNOWN when none is an error but some could not
 * be verified, before the first run has finished, and when no domain is configured; UP otherwise (warnings
 * included). Spring Boot ranks UNKNOWN below UP, so an unanswered blocklist never takes the service's health down.
 * The details (shown per {@code management.endpoint.health.show-details}) list each domain's status and the codes
 * of its checks that are not OK.
 */
@Component("senderHealthIndicator")
class SenderHealthIndicator implements HealthIndicator {

    private final SenderWatch watch;

    SenderHealthIndicator(SenderWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        if (watch.domains().isEmpty()) {
            return Health.unknown().withDetail("reason", "no sending domain is configured ("
                    + SenderWatchProperties.PREFIX + ".domains)").build();
        }
        SenderWatch.Snapshot snapshot = watch.last().orElse(null);
        if (snapshot == null) {
            return Health.unknown().withDetail("reason", "the first check has not finished").build();
        }
        Health.Builder health = switch (snapshot.status()) {
            case ERROR -> Health.down();
            case UNKNOWN -> Health.unknown();
            case OK, WARNING -> Health.up();
        };
        health.withDetail("checkedAt", snapshot.checkedAt().toString());
        for (SenderReport report : snapshot.reports()) {
            Map<String, Object> domain = new LinkedHashMap<>();
            domain.put("status", report.status().id());
            Map<String, String> problems = new LinkedHashMap<>();
            for (SenderFinding f : report.checks()) {
                if (f.status() != SenderStatus.OK) {
                    problems.put(f.name(), f.code().name());
                }
            }
            domain.put("problems", problems);
            health.withDetail(report.domain(), domain);
        }
        return health.build();
    }
}
