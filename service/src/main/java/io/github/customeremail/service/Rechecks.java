package io.github.customeremail.service;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.SuppressionList;
import io.github.customeremail.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "Save and re-check later": an address whose check was UNKNOWN (DNS could not answer in time) is checked again,
 * with a backoff that doubles from {@code customer-email.service.recheck.first-delay} up to a day, until it is
 * VALID or INVALID or {@code max-attempts} are spent; the outcome is kept ({@code POST /v1/rechecks/lookup}).
 */
@Component
class Rechecks {

    private static final Logger LOG = LoggerFactory.getLogger(Rechecks.class);
    private static final Duration MAX_DELAY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final CustomerEmailValidator validator;
    private final ServiceProperties.Recheck settings;
    private final Clock clock = Clock.systemUTC();

    Rechecks(JdbcClient jdbc, CustomerEmailValidator validator, ServiceProperties properties) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.settings = properties.recheck();
    }

    /**
     * The current state of one address.
     *
     * @param address   the address
     * @param verdict   UNKNOWN while rechecks go on; VALID, INVALID, SUGGEST when settled; GAVE_UP after the last try
     * @param findings  codes of the last check
     * @param attempts  rechecks made
     * @param nextAt    when the next recheck is due (meaningless once settled)
     * @param checkedAt the last recheck, or {@code null}
     */
    record State(String address, String verdict, List<String> findings, int attempts, Instant nextAt,
                 Instant checkedAt) {
    }

    /** Schedules a recheck of an address that was UNKNOWN; a database failure never breaks the check. */
    void schedule(String normalized) {
        if (!settings.enabled()) {
            return;
        }
        String key = SuppressionList.key(normalized);
        OffsetDateTime now = now();
        OffsetDateTime next = now.plus(settings.firstDelay());
        try {
            int updated = jdbc.sql("UPDATE recheck SET verdict = 'UNKNOWN', attempts = 0, next_at = ? "
                    + "WHERE address_key = ? AND verdict <> 'UNKNOWN'").params(next, key).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO recheck (address_key, verdict, first_seen, next_at) VALUES (?, 'UNKNOWN', ?, ?)")
                        .params(key, now, next).update();
            }
        } catch (DuplicateKeyException e) {
            // already scheduled
        } catch (DataAccessException e) {
            LOG.warn("recheck of {} not scheduled: {}", Masked.address(key), e.getClass().getSimpleName());
        }
    }

    /** Rechecks what is due, at most 100 addresses a run. */
    @Scheduled(fixedDelayString = "${customer-email.service.recheck.interval:60s}",
            initialDelayString = "${customer-email.service.recheck.interval:60s}")
    void runDue() {
        try {
            runOnce();
        } catch (DataAccessException e) {
            LOG.warn("rechecks skipped: {}", e.getClass().getSimpleName());
        }
    }

    /** @return how many addresses were rechecked */
    int runOnce() {
        List<Map<String, Object>> due = jdbc.sql("SELECT address_key, attempts FROM recheck WHERE verdict = 'UNKNOWN' "
                + "AND next_at <= ? ORDER BY next_at LIMIT 100").param(now()).query().listOfRows();
        for (Map<String, Object> row : due) {
            String key = (String) value(row, "address_key");
            int attempts = ((Number) value(row, "attempts")).intValue() + 1;
            EmailCheck check = validator.check(key);
            String codes = check.findings().stream().map(Finding::code).map(Object::toString)
                    .collect(Collectors.joining(","));
            String verdict = check.verdict() != Verdict.UNKNOWN ? check.verdict().name()
                    : attempts >= settings.maxAttempts() ? "GAVE_UP" : "UNKNOWN";
            Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(attempts, 20));
            OffsetDateTime now = now();
            jdbc.sql("UPDATE recheck SET verdict = ?, findings = ?, attempts = ?, checked_at = ?, next_at = ? "
                            + "WHERE address_key = ?")
                    .params(verdict, SesNotificationParser.clip(codes, 1000), attempts, now,
                            now.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay), key)
                    .update();
        }
        return due.size();
    }

    Optional<State> find(String address) {
        return jdbc.sql("SELECT address_key, verdict, findings, attempts, next_at, checked_at FROM recheck "
                        + "WHERE address_key = ?").param(SuppressionList.key(address.strip()))
                .query((rs, n) -> new State(rs.getString("address_key"), rs.getString("verdict"),
                        rs.getString("findings") == null || rs.getString("findings").isEmpty() ? List.of()
                                : List.of(rs.getString("findings").split(",")),
                        rs.getInt("attempts"), rs.getObject("next_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("checked_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("checked_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** Column names come back upper-case from H2 and lower-case from PostgreSQL. */
    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }
}
