package io.github.customeremail.service.odoo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue of work for Odoo ({@code odoo_outbox}): rows are written in the transaction of what caused them and
 * taken by the worker under a lease, so that several instances on one database never deliver the same row at once.
 */
final class OdooOutbox {

    /** What a row asks for. */
    enum Kind {
        /** Blacklist an address and post the bounce or complaint on its partners. */
        FEEDBACK,
        /** Check a partner's address (a webhook call) and post a note when something is wrong. */
        CHECK,
        /** Post on the partners using an address that the customer confirmed it (the clerks' page). */
        VERIFIED,
        /** Take an address off Odoo's blacklist: its suppression was lifted here. */
        LIFTED
    }

    /**
     * One row.
     *
     * @param id         the row
     * @param kind       what it asks for
     * @param reference  the token its notes carry, unique per row
     * @param address    the address (FEEDBACK, VERIFIED, LIFTED: its key; CHECK: the email field as the webhook sent it)
     * @param partnerId  CHECK: the partner; FEEDBACK: 0
     * @param reason     FEEDBACK: the suppression reason; LIFTED: the reason the lift ended
     * @param diagnostic FEEDBACK: the receiving server's words; VERIFIED: the clerk who recorded it
     * @param occurredAt when the cause happened
     * @param attempts   failed deliveries so far
     * @param rechecks   CHECK: how many times the check was indeterminate and put back to be checked again
     */
    record Entry(long id, Kind kind, String reference, String address, int partnerId, String reason,
                 String diagnostic, Instant occurredAt, int attempts, int rechecks) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, kind, reference, address, partner_id, reason, diagnostic, occurred_at, "
            + "attempts, rechecks";

    private final JdbcClient jdbc;

    OdooOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a bounce or complaint for Odoo. Runs inside the caller's transaction.
     *
     * @return whether it was queued (false: the same notification and address were queued before)
     */
    boolean queueFeedback(String notificationId, String addressKey, String reason, String diagnostic,
                          Instant occurredAt, Instant now) {
        return insert(Kind.FEEDBACK, "feedback:" + digest(notificationId + "\n" + addressKey), addressKey, 0, reason,
                diagnostic, occurredAt, now);
    }

    /**
     * Queues the check of a partner's address, once per partner and address (a second webhook call for the same
     * address, e.g. after an edit of another field, queues nothing).
     *
     * @return whether it was queued
     */
    boolean queueCheck(int partnerId, String email, Instant now) {
        return insert(Kind.CHECK, "check:" + partnerId + ":" + digest(email.strip().toLowerCase(java.util.Locale.ROOT)),
                email, partnerId, null, null, now, now);
    }

    /**
     * Queues the note that the customer confirmed an address, once per confirmation.
     *
     * @return whether it was queued
     */
    boolean queueVerified(String addressKey, Instant verifiedAt, String clerk, Instant now) {
        return insert(Kind.VERIFIED, "verified:" + digest(addressKey + "\n" + verifiedAt), addressKey, 0, null,
                clerk, verifiedAt, now);
    }

    /**
     * Queues taking an address off Odoo's blacklist, once per lift. A bounce or complaint of the address still waiting
     * for delivery is closed undelivered ("superseded"): delivered after the lift, it would blacklist again what the
     * clerk lifted. Runs inside the lift's transaction.
     *
     * @return whether it was queued
     */
    boolean queueLifted(String addressKey, String reason, Instant liftedAt, Instant now) {
        jdbc.sql("UPDATE odoo_outbox SET done_at = ?, outcome = ?, leased_until = NULL "
                        + "WHERE kind = ? AND address = ? AND done_at IS NULL")
                .params(utc(now), "superseded: the suppression was lifted before delivery", Kind.FEEDBACK.name(),
                        addressKey)
                .update();
        return insert(Kind.LIFTED, "lifted:" + digest(addressKey + "\n" + liftedAt), addressKey, 0, reason, null,
                liftedAt, now);
    }

    private boolean insert(Kind kind, String dedupeKey, String address, int partnerId, String reason,
                           String diagnostic, Instant occurredAt, Instant now) {
        try {
            jdbc.sql("INSERT INTO odoo_outbox (kind, dedupe_key, reference, address, partner_id, reason, diagnostic, "
                            + "occurred_at, created_at, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(kind.name(), dedupeKey, newReference(), clip(address, 1000), partnerId, reason,
                            clip(diagnostic, 1000), utc(occurredAt), utc(now), utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Reserves up to {@code limit} due rows for {@code lease}: a row is due when it is not done, its next attempt
     * time has come, and no other worker holds a live lease on it.
     */
    List<Entry> claim(Instant now, int limit, java.time.Duration lease) {
        List<Long> due = jdbc.sql("SELECT id FROM odoo_outbox WHERE done_at IS NULL AND next_at <= ? "
                        + "AND (leased_until IS NULL OR leased_until < ?) ORDER BY next_at, id LIMIT " + limit)
                .params(utc(now), utc(now)).query(Long.class).list();
        List<Entry> claimed = new ArrayList<>(due.size());
        for (long id : due) {
            // Another worker may have taken it since the SELECT: the UPDATE's condition decides.
            int won = jdbc.sql("UPDATE odoo_outbox SET leased_until = ? WHERE id = ? AND done_at IS NULL "
                            + "AND (leased_until IS NULL OR leased_until < ?)")
                    .params(utc(now.plus(lease)), id, utc(now)).update();
            if (won == 1) {
                claimed.add(jdbc.sql("SELECT " + COLUMNS + " FROM odoo_outbox WHERE id = ?").param(id)
                        .query(OdooOutbox::entry).single());
            }
        }
        return claimed;
    }

    /** Marks a row delivered, with what was done. */
    void done(long id, String outcome, Instant now) {
        jdbc.sql("UPDATE odoo_outbox SET done_at = ?, outcome = ?, leased_until = NULL WHERE id = ?")
                .params(utc(now), clip(outcome, 1000), id).update();
    }

    /** Counts a failed delivery and sets the next attempt. */
    void failed(long id, String error, Instant nextAt) {
        jdbc.sql("UPDATE odoo_outbox SET attempts = attempts + 1, last_error = ?, next_at = ?, leased_until = NULL "
                        + "WHERE id = ?")
                .params(clip(error, 1000), utc(nextAt), id).update();
    }

    /**
     * Puts a row back to be done again at {@code nextAt}: its check was indeterminate. Counted as a re-check, not as a
     * failed delivery; the outcome so far is kept for the status.
     */
    void recheckLater(long id, String outcome, Instant nextAt) {
        jdbc.sql("UPDATE odoo_outbox SET rechecks = rechecks + 1, outcome = ?, next_at = ?, leased_until = NULL "
                        + "WHERE id = ?")
                .params(clip(outcome, 1000), utc(nextAt), id).update();
    }

    /** Gives a reserved row back untouched (its delivery was not tried). */
    void release(long id) {
        jdbc.sql("UPDATE odoo_outbox SET leased_until = NULL WHERE id = ?").param(id).update();
    }

    /** Deletes delivered rows done before {@code cutoff}. @return rows deleted */
    int purgeDone(Instant cutoff) {
        return jdbc.sql("DELETE FROM odoo_outbox WHERE done_at IS NOT NULL AND done_at < ?").param(utc(cutoff))
                .update();
    }

    /** Deletes every row about an address (right to erasure). @return rows deleted */
    int erase(String addressKey) {
        return jdbc.sql("DELETE FROM odoo_outbox WHERE POSITION(? IN LOWER(address)) > 0").param(addressKey).update();
    }

    /** The queue's state for operators: pending, failing (pending after a failed attempt), done, last error. */
    Map<String, Object> status() {
        Map<String, Object> row = jdbc.sql("SELECT COUNT(CASE WHEN done_at IS NULL THEN 1 END) AS pending, "
                        + "COUNT(CASE WHEN done_at IS NULL AND attempts > 0 THEN 1 END) AS failing, "
                        + "COUNT(done_at) AS done, MIN(CASE WHEN done_at IS NULL THEN created_at END) AS oldest "
                        + "FROM odoo_outbox")
                .query().singleRow();
        Map<String, Object> status = new LinkedHashMap<>();
        row.forEach((k, v) -> status.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof Number n ? n.longValue()
                : v == null ? null : String.valueOf(v)));
        status.put("lastError", jdbc.sql("SELECT last_error FROM odoo_outbox WHERE done_at IS NULL "
                + "AND last_error IS NOT NULL ORDER BY next_at DESC LIMIT 1").query(String.class).optional()
                .orElse(null));
        return status;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("reference"),
                rs.getString("address"), rs.getInt("partner_id"), rs.getString("reason"), rs.getString("diagnostic"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"),
                rs.getInt("rechecks"));
    }

    /** A reference for the notes of one row: {@code ce-} and 12 random hex digits. */
    private static String newReference() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "ce-" + HexFormat.of().formatHex(bytes);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
