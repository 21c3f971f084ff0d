package io.github.customeremail.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tables of address confirmation by code: pending codes (hashed), codes sent, confirmed addresses. */
@Component
class VerificationStore {

    /**
     * A code waiting to be read back.
     *
     * @param codeHash  the code's HMAC, hex
     * @param expiresAt when it stops being accepted
     * @param attempts  wrong codes typed so far
     */
    record Pending(String codeHash, Instant expiresAt, int attempts) {
    }

    /**
     * An address the customer confirmed.
     *
     * @param address    the address (its key, lower-cased)
     * @param id         the path-safe id ({@code GET /v1/verifications/{id}}), the suppression list's id scheme
     * @param verifiedAt when the right code was typed
     * @param clerk      who typed it
     */
    record Verified(String address, String id, Instant verifiedAt, String clerk) {
    }

    private final JdbcClient jdbc;

    VerificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces any earlier code of the address (a new code invalidates the old one and its attempts). Two sends for
     * one address at the same moment (from two instances on one database) leave the later code standing.
     */
    void savePending(String key, String codeHash, String clerk, Instant now, Instant expiresAt) {
        if (replacePending(key, codeHash, clerk, now, expiresAt) == 1) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO verification_code (address_key, code_hash, clerk, created_at, expires_at, attempts) "
                            + "VALUES (?, ?, ?, ?, ?, 0)")
                    .params(key, codeHash, clerk, utc(now), utc(expiresAt)).update();
        } catch (DuplicateKeyException e) {
            replacePending(key, codeHash, clerk, now, expiresAt);
        }
    }

    private int replacePending(String key, String codeHash, String clerk, Instant now, Instant expiresAt) {
        return jdbc.sql("UPDATE verification_code SET code_hash = ?, clerk = ?, created_at = ?, expires_at = ?, "
                        + "attempts = 0 WHERE address_key = ?")
                .params(codeHash, clerk, utc(now), utc(expiresAt), key).update();
    }

    Optional<Pending> pending(String key) {
        return jdbc.sql("SELECT code_hash, expires_at, attempts FROM verification_code WHERE address_key = ?")
                .param(key)
                .query((rs, n) -> new Pending(rs.getString("code_hash"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts")))
                .optional();
    }

    /** Counts one wrong code; returns the attempts now counted. */
    int countWrong(String key) {
        jdbc.sql("UPDATE verification_code SET attempts = attempts + 1 WHERE address_key = ?").param(key).update();
        return pending(key).map(Pending::attempts).orElse(Integer.MAX_VALUE);
    }

    void deletePending(String key) {
        jdbc.sql("DELETE FROM verification_code WHERE address_key = ?").param(key).update();
    }

    void recordSend(String key, String clerk, Instant at) {
        jdbc.sql("INSERT INTO verification_send (address_key, clerk, sent_at) VALUES (?, ?, ?)")
                .params(key, clerk, utc(at)).update();
    }

    /** Takes back a send counted by {@link #recordSend} whose mail did not leave. */
    void forgetSend(String key, String clerk, Instant at) {
        jdbc.sql("DELETE FROM verification_send WHERE address_key = ? AND clerk = ? AND sent_at = ?")
                .params(key, clerk, utc(at)).update();
    }

    int sendsToAddressSince(String key, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM verification_send WHERE address_key = ? AND sent_at >= ?")
                .params(key, utc(since)).query(Integer.class).single();
    }

    int sendsByClerkSince(String clerk, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM verification_send WHERE clerk = ? AND sent_at >= ?")
                .params(clerk, utc(since)).query(Integer.class).single();
    }

    /** Records (or renews) the confirmation of an address. */
    void saveVerified(String key, String clerk, Instant at) {
        int updated = jdbc.sql("UPDATE address_verification SET verified_at = ?, clerk = ? WHERE address_key = ?")
                .params(utc(at), clerk, key).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO address_verification (address_key, address_id, verified_at, clerk) "
                                + "VALUES (?, ?, ?, ?)")
                        .params(key, FeedbackStore.idOf(key), utc(at), clerk).update();
            } catch (DuplicateKeyException e) {
                // Confirmed by two clerks at once: either row says the same.
            }
        }
    }

    Optional<Verified> verified(String key) {
        return jdbc.sql("SELECT address_key, address_id, verified_at, clerk FROM address_verification "
                        + "WHERE address_key = ?").param(key).query(this::verifiedRow).optional();
    }

    Optional<Verified> verifiedById(String id) {
        return jdbc.sql("SELECT address_key, address_id, verified_at, clerk FROM address_verification "
                        + "WHERE address_id = ?").param(id).query(this::verifiedRow).optional();
    }

    /** Deletes rows no longer needed: sends older than a day, codes expired for a day. */
    int purge(Instant now) {
        OffsetDateTime dayAgo = utc(now.minusSeconds(86_400));
        return jdbc.sql("DELETE FROM verification_send WHERE sent_at < ?").param(dayAgo).update()
                + jdbc.sql("DELETE FROM verification_code WHERE expires_at < ?").param(dayAgo).update();
    }

    private Verified verifiedRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Verified(rs.getString("address_key"), rs.getString("address_id"),
                rs.getObject("verified_at", OffsetDateTime.class).toInstant(), rs.getString("clerk"));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
