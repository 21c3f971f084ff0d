package io.github.customeremail.service;

import io.github.customeremail.SuppressionEntry;
import io.github.customeremail.SuppressionList;
import io.github.customeremail.SuppressionReason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feedback store: SES notifications by SNS MessageId, what is known per address, and the suppressions.
 *
 * <p>Each notification is stored in one transaction, and the caller acknowledges it only after
 * {@link #record} returned (committed). The notification's id is inserted first under a unique key, so the same
 * id again changes nothing; per-address counters are incremented in place under the row's lock, so concurrent
 * notifications for one address lose no count.
 *
 * <p>Addresses are keyed by {@link SuppressionList#key(String)} (lower-cased, as Odoo's {@code email_normalize}).
 */
@Repository
class FeedbackStore {

    /** What storing a notification did. */
    enum Outcome { STORED, DUPLICATE, REJECTED }

    /**
     * The result of {@link #record}.
     *
     * @param outcome what happened
     * @param changed address keys whose suppression may have changed
     */
    record Recorded(Outcome outcome, List<String> changed) {
    }

    /**
     * One address as stored.
     *
     * @param address        the address key
     * @param id             the path-safe id ({@code /v1/suppressions/{id}})
     * @param reason         why it is suppressed, or {@code null} when it is not
     * @param suppressedAt   when it was suppressed, or {@code null}
     * @param diagnostic     the mail server's words of the suppressing bounce
     * @param bounceType     SES bounce type of the suppressing bounce
     * @param bounceSubType  SES bounce subtype
     * @param firstSeen      first feedback
     * @param lastSeen       last feedback
     * @param count          feedback events in all
     * @param counts         events by kind
     * @param mailMessageIds SES message ids of the mails the feedback was about (latest first, at most 20)
     */
    record AddressRecord(String address, String id, String reason, Instant suppressedAt, String diagnostic,
                         String bounceType, String bounceSubType, Instant firstSeen, Instant lastSeen, int count,
                         Map<String, Integer> counts, List<String> mailMessageIds) {

        Optional<SuppressionEntry> entry() {
            if (reason == null) {
                return Optional.empty();
            }
            return Optional.of(new SuppressionEntry(address, SuppressionReason.valueOf(reason),
                    LocalDate.ofInstant(suppressedAt, ZoneOffset.UTC), diagnostic));
        }
    }

    private static final String COLUMNS = "address_key, address_id, reason, suppressed_at, diagnostic, bounce_type, "
            + "bounce_sub_type, first_seen, last_seen, event_count, mailbox_missing_count, transient_count, "
            + "sender_rejection_count, ses_suppressed_count, permanent_other_count, complaint_count";

    /** Rows per day of the sending statistics (see V3__sending_day_slots.sql). */
    static final int DAY_SLOTS = 8;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate nested;
    private final ServiceProperties.Feedback feedback;
    private final Clock clock;
    private final List<SuppressionListener> listeners;

    @org.springframework.beans.factory.annotation.Autowired
    FeedbackStore(JdbcClient jdbc, PlatformTransactionManager transactions, ServiceProperties properties,
                  org.springframework.beans.factory.ObjectProvider<SuppressionListener> listeners) {
        this(jdbc, transactions, properties.feedback(), Clock.systemUTC(), listeners.orderedStream().toList());
    }

    FeedbackStore(JdbcClient jdbc, PlatformTransactionManager transactions, ServiceProperties.Feedback feedback,
                  Clock clock) {
        this(jdbc, transactions, feedback, clock, List.of());
    }

    FeedbackStore(JdbcClient jdbc, PlatformTransactionManager transactions, ServiceProperties.Feedback feedback,
                  Clock clock, List<SuppressionListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.feedback = feedback;
        this.clock = clock;
    }

    /**
     * Stores one notification and its consequences, in one transaction.
     *
     * @param notificationId the SNS MessageId (or another id unique per notification)
     * @param source         where it came from: {@code sns}, {@code import}
     * @param n              the notification
     * @return what happened; when this returns, it is committed
     */
    Recorded record(String notificationId, String source, SesNotification n) {
        try {
            return tx.execute(status -> {
                jdbc.sql("INSERT INTO ses_notification (message_id, source, notification_type, received_at, status) "
                                + "VALUES (?, ?, ?, ?, 'stored')")
                        .params(notificationId, source, n.type().name(), now()).update();
                // Sorted: transactions lock address rows in one order, so two notifications never deadlock.
                Map<String, SesNotification.Recipient> byKey = new java.util.TreeMap<>();
                for (SesNotification.Recipient r : n.recipients()) {
                    byKey.putIfAbsent(SuppressionList.key(r.address().strip()), r);
                }
                List<String> changed = new ArrayList<>();
                Map<FeedbackKind, Integer> perKind = new java.util.EnumMap<>(FeedbackKind.class);
                for (Map.Entry<String, SesNotification.Recipient> e : byKey.entrySet()) {
                    FeedbackKind kind = FeedbackKind.of(n, e.getValue());
                    perKind.merge(kind, 1, Integer::sum);
                    if (kind == FeedbackKind.DELIVERY) {
                        continue; // counted per day only: no row per delivered address
                    }
                    if (recordRecipient(notificationId, n, e.getKey(), e.getValue(), kind)) {
                        changed.add(e.getKey());
                    }
                }
                // Last, so that the day's row is locked only until the commit that follows.
                countDay(n.occurredAt(), perKind, Math.floorMod(notificationId.hashCode(), DAY_SLOTS));
                return new Recorded(Outcome.STORED, changed);
            });
        } catch (DuplicateKeyException e) {
            return new Recorded(Outcome.DUPLICATE, List.of());
        }
    }

    /**
     * Keeps a notification that could not be used, with the reason, so that a person can look at it.
     *
     * @return REJECTED, or DUPLICATE when the id was seen before
     */
    Outcome reject(String notificationId, String source, String reason, String body) {
        try {
            jdbc.sql("INSERT INTO ses_notification (message_id, source, received_at, status, reject_reason, body) "
                            + "VALUES (?, ?, ?, 'rejected', ?, ?)")
                    .params(notificationId, source, now(), SesNotificationParser.clip(reason, 500),
                            SesNotificationParser.clip(body, 300_000))
                    .update();
            return Outcome.REJECTED;
        } catch (DuplicateKeyException e) {
            return Outcome.DUPLICATE;
        }
    }

    /** @return whether the address's suppression may have changed */
    private boolean recordRecipient(String notificationId, SesNotification n, String key,
                                    SesNotification.Recipient r, FeedbackKind kind) {
        OffsetDateTime at = utc(n.occurredAt());
        jdbc.sql("INSERT INTO feedback_event (notification_id, mail_message_id, address_key, kind, occurred_at, "
                        + "status, action, diagnostic) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(notificationId, SesNotificationParser.clip(n.mailMessageId(), 255), key, kind.name(), at,
                        SesNotificationParser.clip(r.status(), 32), SesNotificationParser.clip(r.action(), 32),
                        r.diagnosticCode())
                .update();
        String counter = kind.name().toLowerCase(java.util.Locale.ROOT) + "_count";
        // The UPDATE takes the row's lock: concurrent notifications for this address queue here, none is lost.
        upsert(() -> jdbc.sql("UPDATE address_feedback SET event_count = event_count + 1, " + counter + " = "
                                + counter + " + 1, first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?) "
                                + "WHERE address_key = ?")
                        .params(at, at, key).update(),
                () -> jdbc.sql("INSERT INTO address_feedback (address_key, address_id, first_seen, last_seen, "
                                + "event_count, " + counter + ") VALUES (?, ?, ?, ?, 1, 1)")
                        .params(key, idOf(key), at, at).update());

        SuppressionReason reason = switch (kind) {
            case MAILBOX_MISSING -> SuppressionReason.MAILBOX_DOES_NOT_EXIST;
            case COMPLAINT -> SuppressionReason.COMPLAINT;
            case TRANSIENT -> transientThresholdReached(key, n.occurredAt())
                    ? SuppressionReason.REPEATED_TRANSIENT_BOUNCES : null;
            default -> null;
        };
        if (reason == null) {
            return false;
        }
        // A missing mailbox is stronger evidence than repeated temporary failures and replaces it; otherwise the
        // first suppression (its day and words) is kept.
        int updated = jdbc.sql("UPDATE address_feedback SET reason = ?, suppressed_at = ?, diagnostic = ?, "
                        + "bounce_type = ?, bounce_sub_type = ? WHERE address_key = ? AND (reason IS NULL OR "
                        + "(reason = 'REPEATED_TRANSIENT_BOUNCES' AND ? = 'MAILBOX_DOES_NOT_EXIST'))")
                .params(reason.name(), at, r.diagnosticCode(), n.bounceType(), n.bounceSubType(), key, reason.name())
                .update();
        if (updated > 0) {
            SuppressionListener.Suppressed suppressed = new SuppressionListener.Suppressed(notificationId, key, reason,
                    r.diagnosticCode(), n.occurredAt());
            listeners.forEach(l -> l.suppressed(suppressed));
        }
        return updated > 0;
    }

    private boolean transientThresholdReached(String key, Instant occurredAt) {
        Duration window = feedback.transientWindow();
        Integer count = jdbc.sql("SELECT COUNT(*) FROM feedback_event WHERE address_key = ? AND kind = 'TRANSIENT' "
                        + "AND occurred_at > ? AND occurred_at <= ?")
                .params(key, utc(occurredAt.minus(window)), utc(occurredAt)).query(Integer.class).single();
        return count != null && count >= feedback.transientThreshold();
    }

    /**
     * Adds one notification's recipients, by kind, to the day's statistics: one statement on one of the day's
     * {@link #DAY_SLOTS} rows, so concurrent notifications rarely wait for each other and none is lost.
     */
    private void countDay(Instant occurredAt, Map<FeedbackKind, Integer> perKind, int slot) {
        if (perKind.isEmpty()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        StringBuilder set = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        List<Object> counts = new ArrayList<>();
        perKind.forEach((kind, count) -> {
            String column = dayColumn(kind);
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ").append(column).append(" + ?");
            columns.append(", ").append(column);
            values.append(", ?");
            counts.add(count);
        });
        List<Object> updateParams = new ArrayList<>(counts);
        updateParams.add(day);
        updateParams.add(slot);
        List<Object> insertParams = new ArrayList<>(List.of(day, slot));
        insertParams.addAll(counts);
        upsert(() -> jdbc.sql("UPDATE sending_day_slot SET " + set + " WHERE send_date = ? AND slot = ?")
                        .params(updateParams).update(),
                () -> jdbc.sql("INSERT INTO sending_day_slot (send_date, slot" + columns + ") VALUES (?, ?" + values
                        + ")").params(insertParams).update());
    }

    private static String dayColumn(FeedbackKind kind) {
        return switch (kind) {
            case DELIVERY -> "deliveries";
            case MAILBOX_MISSING -> "mailbox_missing";
            case TRANSIENT -> "transient";
            case SENDER_REJECTION -> "sender_rejections";
            case SES_SUPPRESSED -> "ses_suppressed";
            case PERMANENT_OTHER -> "permanent_other";
            case COMPLAINT -> "complaints";
        };
    }

    /**
     * Update, or insert when there is no row; when another transaction inserted it first, update after all. The
     * insert runs under a savepoint so that its failure does not abort the transaction (PostgreSQL).
     */
    private void upsert(java.util.function.IntSupplier update, Runnable insert) {
        if (update.getAsInt() > 0) {
            return;
        }
        try {
            nested.executeWithoutResult(s -> insert.run());
        } catch (DuplicateKeyException e) {
            if (update.getAsInt() == 0) {
                throw new IllegalStateException("row vanished between insert and update", e);
            }
        }
    }

    /** The diagnostic kept for an address imported from SES's account-level suppression list. */
    static final String SES_LIST_DIAGNOSTIC = "Amazon SES account-level suppression list";

    /**
     * Suppresses an address that Amazon SES's account-level suppression list holds, unless it is suppressed here
     * already (local evidence is kept) or was lifted here after SES listed it (the clerk's decision stands).
     *
     * @param address    the address as SES lists it
     * @param reason     {@code COMPLAINT}, or {@code PERMANENT_BOUNCE} for SES's {@code BOUNCE} (SES keeps no cause)
     * @param lastUpdate when SES last updated the entry
     * @return whether the address became suppressed; committed when this returns
     */
    boolean importSesSuppression(String address, SuppressionReason reason, Instant lastUpdate) {
        String key = SuppressionList.key(address.strip());
        OffsetDateTime at = utc(lastUpdate);
        String diagnostic = SES_LIST_DIAGNOSTIC + " (" + (reason == SuppressionReason.COMPLAINT ? "COMPLAINT" : "BOUNCE")
                + ")";
        Boolean changed = tx.execute(status -> {
            int updated = jdbc.sql("UPDATE address_feedback SET reason = ?, suppressed_at = ?, diagnostic = ?, "
                            + "bounce_type = NULL, bounce_sub_type = NULL WHERE address_key = ? AND reason IS NULL "
                            + "AND (lifted_at IS NULL OR lifted_at < ?)")
                    .params(reason.name(), at, diagnostic, key, at).update();
            if (updated > 0) {
                return true;
            }
            try {
                nested.executeWithoutResult(n -> jdbc.sql("INSERT INTO address_feedback (address_key, address_id, "
                                + "reason, suppressed_at, diagnostic, first_seen, last_seen, event_count) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0)")
                        .params(key, idOf(key), reason.name(), at, diagnostic, at, at).update());
                return true;
            } catch (DuplicateKeyException e) {
                return false; // known here: suppressed already, or lifted after SES listed it
            }
        });
        return Boolean.TRUE.equals(changed);
    }

    Optional<AddressRecord> find(String address) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM address_feedback WHERE address_key = ?")
                .param(SuppressionList.key(address.strip())).query(this::row).optional()
                .map(this::withMessageIds);
    }

    Optional<AddressRecord> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM address_feedback WHERE address_id = ?")
                .param(id).query(this::row).optional().map(this::withMessageIds);
    }

    /** @return every suppressed address (for the validator's view and the export) */
    List<AddressRecord> suppressed() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM address_feedback WHERE reason IS NOT NULL ORDER BY address_key")
                .query(this::row).list();
    }

    /**
     * Lifts a suppression; the counters and events stay (a new hard bounce suppresses again).
     *
     * @return whether the address was suppressed
     */
    boolean lift(String addressKey) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            // The reason is read under the row's lock, which the UPDATE below needs anyway.
            Optional<String> reason = jdbc.sql("SELECT reason FROM address_feedback WHERE address_key = ? "
                            + "AND reason IS NOT NULL FOR UPDATE")
                    .param(addressKey).query(String.class).optional();
            if (reason.isEmpty()) {
                return false;
            }
            Instant liftedAt = clock.instant();
            jdbc.sql("UPDATE address_feedback SET reason = NULL, suppressed_at = NULL, lifted_at = ? "
                            + "WHERE address_key = ?")
                    .params(utc(liftedAt), addressKey).update();
            SuppressionReason was = SuppressionReason.valueOf(reason.get());
            listeners.forEach(l -> l.lifted(addressKey, was, liftedAt));
            return true;
        }));
    }

    /**
     * Deletes everything stored about one address: its record, its events, and the bodies of rejected
     * notifications that mention it. Notification ids stay (they hold no address) so duplicates are still known.
     *
     * @return rows deleted or cleared
     */
    int erase(String addressKey) {
        Integer n = tx.execute(s -> jdbc.sql("DELETE FROM feedback_event WHERE address_key = ?").param(addressKey)
                .update()
                + jdbc.sql("DELETE FROM address_feedback WHERE address_key = ?").param(addressKey).update()
                + jdbc.sql("DELETE FROM recheck WHERE address_key = ?").param(addressKey).update()
                + jdbc.sql("DELETE FROM address_verification WHERE address_key = ?").param(addressKey).update()
                + jdbc.sql("DELETE FROM verification_code WHERE address_key = ?").param(addressKey).update()
                + jdbc.sql("DELETE FROM verification_send WHERE address_key = ?").param(addressKey).update()
                + jdbc.sql("UPDATE ses_notification SET body = NULL WHERE body IS NOT NULL "
                        + "AND POSITION(? IN LOWER(body)) > 0").param(addressKey).update()
                + listeners.stream().mapToInt(l -> l.erase(addressKey)).sum());
        return n == null ? 0 : n;
    }

    /**
     * Deletes what is older than the retention: events, addresses no longer suppressed and quiet since, and the
     * bodies of rejected notifications (after a tenth of the retention).
     *
     * @return rows deleted or cleared
     */
    int applyRetention(Duration retention) {
        OffsetDateTime cutoff = utc(clock.instant().minus(retention));
        OffsetDateTime bodies = utc(clock.instant().minus(retention.dividedBy(10)));
        Integer n = tx.execute(s -> jdbc.sql("DELETE FROM feedback_event WHERE occurred_at < ?").param(cutoff).update()
                + jdbc.sql("DELETE FROM address_feedback WHERE reason IS NULL AND last_seen < ?").param(cutoff)
                .update()
                + jdbc.sql("DELETE FROM recheck WHERE first_seen < ?").param(cutoff).update()
                + jdbc.sql("UPDATE ses_notification SET body = NULL WHERE body IS NOT NULL AND received_at < ?")
                .param(bodies).update());
        return n == null ? 0 : n;
    }

    /**
     * @param days how many days back from today (UTC), today included
     * @return the sending statistics of those days, oldest first
     */
    List<Map<String, Object>> sendingDays(int days) {
        LocalDate from = firstDay(days);
        return jdbc.sql("SELECT send_date, deliveries, mailbox_missing, transient, sender_rejections, ses_suppressed, "
                        + "permanent_other, complaints FROM sending_day WHERE send_date >= ? ORDER BY send_date")
                .param(from).query().listOfRows();
    }

    /**
     * @param days how many days back from today (UTC), today included
     * @return the sums of the sending statistics over those days, by column
     */
    Map<String, Integer> sendingTotals(int days) {
        Map<String, Object> row = jdbc.sql("SELECT COALESCE(SUM(deliveries), 0) AS deliveries, "
                        + "COALESCE(SUM(mailbox_missing), 0) AS mailbox_missing, COALESCE(SUM(transient), 0) AS transient, "
                        + "COALESCE(SUM(sender_rejections), 0) AS sender_rejections, "
                        + "COALESCE(SUM(ses_suppressed), 0) AS ses_suppressed, "
                        + "COALESCE(SUM(permanent_other), 0) AS permanent_other, COALESCE(SUM(complaints), 0) AS complaints "
                        + "FROM sending_day WHERE send_date >= ?")
                .param(firstDay(days)).query().singleRow();
        Map<String, Integer> totals = new LinkedHashMap<>();
        row.forEach((k, v) -> totals.put(k.toLowerCase(java.util.Locale.ROOT), ((Number) v).intValue()));
        return totals;
    }

    /**
     * @return the domains with the most hard bounces (mailbox missing or other permanent) in the last days,
     *         most first, each with its count
     */
    List<Map<String, Object>> topBouncingDomains(int days, int limit) {
        return jdbc.sql("SELECT SUBSTRING(address_key FROM POSITION('@' IN address_key) + 1) AS domain, "
                        + "COUNT(*) AS bounces FROM feedback_event WHERE kind IN ('MAILBOX_MISSING', 'PERMANENT_OTHER') "
                        + "AND occurred_at >= ? GROUP BY SUBSTRING(address_key FROM POSITION('@' IN address_key) + 1) "
                        + "ORDER BY bounces DESC, domain LIMIT " + limit)
                .param(utc(firstDay(days).atStartOfDay(ZoneOffset.UTC).toInstant())).query()
                .listOfRows().stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    r.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof Number n
                            ? (Object) n.intValue() : v));
                    return m;
                }).toList();
    }

    private LocalDate firstDay(int days) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L);
    }

    /** The path-safe id of an address: 128 bits of its key's SHA-256, base64url. Reveals nothing readable. */
    static String idOf(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private AddressRecord row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (FeedbackKind k : FeedbackKind.values()) {
            if (k != FeedbackKind.DELIVERY) {
                counts.put(k.id(), rs.getInt(k.name().toLowerCase(java.util.Locale.ROOT) + "_count"));
            }
        }
        return new AddressRecord(rs.getString("address_key"), rs.getString("address_id"), rs.getString("reason"),
                instant(rs, "suppressed_at"), nullToEmpty(rs.getString("diagnostic")),
                nullToEmpty(rs.getString("bounce_type")), nullToEmpty(rs.getString("bounce_sub_type")),
                instant(rs, "first_seen"), instant(rs, "last_seen"), rs.getInt("event_count"), counts, List.of());
    }

    private AddressRecord withMessageIds(AddressRecord r) {
        List<String> ids = jdbc.sql("SELECT mail_message_id FROM feedback_event WHERE address_key = ? "
                        + "ORDER BY occurred_at DESC, id DESC")
                .param(r.address()).query(String.class).list();
        List<String> distinct = ids.stream().distinct().limit(20).toList();
        return new AddressRecord(r.address(), r.id(), r.reason(), r.suppressedAt(), r.diagnostic(), r.bounceType(),
                r.bounceSubType(), r.firstSeen(), r.lastSeen(), r.count(), r.counts(), distinct);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
