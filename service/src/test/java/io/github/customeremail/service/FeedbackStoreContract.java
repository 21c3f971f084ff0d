package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.customeremail.SuppressionReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The repository tests, run alike on H2 and on PostgreSQL by the two subclasses: the same migrations, the same
 * statements, the same answers.
 */
abstract class FeedbackStoreContract {

    static final Instant T0 = Instant.parse("2026-11-03T14:00:00Z");

    private HikariDataSource dataSource;
    FeedbackStore store;
    JdbcClient jdbc;
    final AtomicReference<Instant> now = new AtomicReference<>(T0);

    /** @return the JDBC URL of an empty database for one test */
    abstract String newDatabaseUrl();

    abstract String user();

    @BeforeEach
    void open() {
        dataSource = FeedbackFixture.migratedDatabase(newDatabaseUrl(), user(), 24);
        jdbc = JdbcClient.create(dataSource);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        store = new FeedbackStore(jdbc, new JdbcTransactionManager(dataSource),
                new ServiceProperties.Feedback(5, Duration.ofDays(91)), clock);
    }

    @AfterEach
    void close() {
        if (dataSource != null) { // null when the database was not there and the test was skipped
            dataSource.close();
        }
    }

    private SesNotification bounce(String address, String type, String subType, String status, String diagnostic,
                                   Instant at) {
        return new SesNotification(SesNotification.Type.BOUNCE, "0100-" + UUID.randomUUID(), at, type, subType,
                List.of(new SesNotification.Recipient(address, status, "failed", diagnostic)));
    }

    private FeedbackStore.Recorded record(SesNotification n) {
        return store.record(UUID.randomUUID().toString(), "test", n);
    }

    @Test
    void aMissingMailboxSuppressesWithItsDayAndWords() {
        FeedbackStore.Recorded r = record(bounce("Juan.Perez@Gmail.com", "Permanent", "General", "5.1.1",
                "smtp; 550 5.1.1 user unknown", T0));
        assertThat(r.outcome()).isEqualTo(FeedbackStore.Outcome.STORED);
        assertThat(r.changed()).containsExactly("juan.perez@gmail.com");
        FeedbackStore.AddressRecord a = store.find("JUAN.PEREZ@gmail.com").orElseThrow();
        assertThat(a.reason()).isEqualTo("MAILBOX_DOES_NOT_EXIST");
        assertThat(a.suppressedAt()).isEqualTo(T0);
        assertThat(a.firstSeen()).isEqualTo(T0);
        assertThat(a.diagnostic()).isEqualTo("smtp; 550 5.1.1 user unknown");
        assertThat(a.bounceType()).isEqualTo("Permanent");
        assertThat(a.count()).isEqualTo(1);
        assertThat(a.mailMessageIds()).hasSize(1).allMatch(id -> id.startsWith("0100-"));
        assertThat(a.entry().orElseThrow().reason()).isEqualTo(SuppressionReason.MAILBOX_DOES_NOT_EXIST);
        assertThat(store.findById(a.id())).isPresent();
        assertThat(store.suppressed()).extracting(FeedbackStore.AddressRecord::address)
                .containsExactly("juan.perez@gmail.com");
    }

    @Test
    void theSameNotificationIdAgainChangesNothing() {
        SesNotification n = bounce("a@gmail.com", "Permanent", "NoEmail", "5.1.1", "", T0);
        assertThat(store.record("sns-1", "test", n).outcome()).isEqualTo(FeedbackStore.Outcome.STORED);
        assertThat(store.record("sns-1", "test", n).outcome()).isEqualTo(FeedbackStore.Outcome.DUPLICATE);
        assertThat(store.reject("sns-1", "test", "x", "{}")).isEqualTo(FeedbackStore.Outcome.DUPLICATE);
        assertThat(store.find("a@gmail.com").orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void senderSideRejectionsAndSesSuppressionsAreCountedButDoNotSuppress() {
        record(bounce("b@gmail.com", "Permanent", "General", "5.7.1", "550 5.7.1 rejected by DMARC policy", T0));
        record(bounce("b@gmail.com", "Permanent", "General", "", "554 rejected: listed at Spamhaus", T0));
        record(bounce("b@gmail.com", "Permanent", "OnAccountSuppressionList", "5.1.1",
                "Amazon SES did not send the message to this address because it is on the suppression list", T0));
        record(bounce("b@gmail.com", "Permanent", "General", "5.2.1", "550 5.2.1 mailbox disabled", T0));
        FeedbackStore.AddressRecord b = store.find("b@gmail.com").orElseThrow();
        assertThat(b.reason()).isNull();
        assertThat(b.counts()).containsEntry("sender-rejection", 2).containsEntry("ses-suppressed", 1)
                .containsEntry("permanent-other", 1).containsEntry("mailbox-missing", 0);
        assertThat(store.suppressed()).isEmpty();
        Map<String, Object> day = store.sendingDays(1).get(0);
        assertThat(((Number) value(day, "sender_rejections")).intValue()).isEqualTo(2);
        assertThat(((Number) value(day, "ses_suppressed")).intValue()).isEqualTo(1);
    }

    @Test
    void temporaryBouncesSuppressOnlyPastTheCountWithinTheWindow() {
        for (int i = 0; i < 4; i++) { // four, weeks apart: not yet
            record(bounce("c@gmail.com", "Transient", "MailboxFull", "4.2.2", "452 4.2.2 full",
                    T0.plus(Duration.ofDays(7L * i))));
        }
        assertThat(store.find("c@gmail.com").orElseThrow().reason()).isNull();
        FeedbackStore.Recorded fifth = record(bounce("c@gmail.com", "Transient", "MailboxFull", "4.2.2",
                "452 4.2.2 full", T0.plus(Duration.ofDays(30))));
        assertThat(fifth.changed()).containsExactly("c@gmail.com");
        assertThat(store.find("c@gmail.com").orElseThrow().reason()).isEqualTo("REPEATED_TRANSIENT_BOUNCES");

        for (int i = 0; i < 5; i++) { // five, 100 days apart: never five within 91 days
            record(bounce("d@gmail.com", "Undetermined", "Undetermined", "", "", T0.plus(Duration.ofDays(100L * i))));
        }
        assertThat(store.find("d@gmail.com").orElseThrow().reason()).isNull();
        assertThat(store.find("d@gmail.com").orElseThrow().counts()).containsEntry("transient", 5);

        // a hard bounce afterwards is stronger evidence and replaces the reason
        record(bounce("c@gmail.com", "Permanent", "NoEmail", "", "", T0.plus(Duration.ofDays(40))));
        assertThat(store.find("c@gmail.com").orElseThrow().reason()).isEqualTo("MAILBOX_DOES_NOT_EXIST");
    }

    @Test
    void complaintsSuppressAndDeliveriesAreOnlyCounted() {
        store.record("c1", "test", new SesNotification(SesNotification.Type.COMPLAINT, "m1", T0, "", "",
                List.of(new SesNotification.Recipient("e@gmail.com", "", "", ""))));
        store.record("d1", "test", new SesNotification(SesNotification.Type.DELIVERY, "m2", T0, "", "",
                List.of(new SesNotification.Recipient("f@gmail.com", "", "", ""),
                        new SesNotification.Recipient("g@gmail.com", "", "", ""))));
        assertThat(store.find("e@gmail.com").orElseThrow().reason()).isEqualTo("COMPLAINT");
        assertThat(store.find("f@gmail.com")).isEmpty();
        Map<String, Object> day = store.sendingDays(1).get(0);
        assertThat(((Number) value(day, "deliveries")).intValue()).isEqualTo(2);
        assertThat(((Number) value(day, "complaints")).intValue()).isEqualTo(1);
    }

    @Test
    void everyRecipientOfABounceIsRecorded() {
        store.record("multi", "test", new SesNotification(SesNotification.Type.BOUNCE, "m", T0, "Permanent",
                "General", List.of(new SesNotification.Recipient("h@gmail.com", "5.1.1", "failed", "550 5.1.1"),
                new SesNotification.Recipient("i@gmail.com", "5.1.10", "failed", "550 5.1.10 RecipientNotFound"),
                new SesNotification.Recipient("H@GMAIL.COM", "5.1.1", "failed", "550 5.1.1"))));
        assertThat(store.suppressed()).extracting(FeedbackStore.AddressRecord::address)
                .containsExactly("h@gmail.com", "i@gmail.com");
        assertThat(store.find("h@gmail.com").orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void concurrentNotificationsForOneAddressLoseNoCountAndConcurrentDuplicatesStoreOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<FeedbackStore.Recorded>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(pool.submit(() -> record(bounce("j@gmail.com", "Transient", "General", "4.4.7",
                        "421 4.4.7 later", T0))));
            }
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> store.record("same-id", "test", bounce("k@gmail.com", "Permanent",
                        "NoEmail", "5.1.1", "", T0))));
            }
            long duplicates = 0;
            for (Future<FeedbackStore.Recorded> f : results) {
                duplicates += f.get().outcome() == FeedbackStore.Outcome.DUPLICATE ? 1 : 0;
            }
            assertThat(duplicates).isEqualTo(19);
        } finally {
            pool.shutdown();
        }
        FeedbackStore.AddressRecord j = store.find("j@gmail.com").orElseThrow();
        assertThat(j.count()).isEqualTo(100);
        assertThat(j.counts()).containsEntry("transient", 100);
        assertThat(j.reason()).isEqualTo("REPEATED_TRANSIENT_BOUNCES");
        assertThat(store.find("k@gmail.com").orElseThrow().count()).isEqualTo(1);
        assertThat(((Number) value(store.sendingDays(1).get(0), "transient")).intValue()).isEqualTo(100);
    }

    @Test
    void aHundredConcurrentNotificationsOfOneDayCountExactlyAndTheirRedeliveriesNotAtAll() throws Exception {
        List<java.util.concurrent.Callable<FeedbackStore.Recorded>> work = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            String id = "day-" + n;
            SesNotification notification = switch (n % 4) {
                case 0 -> new SesNotification(SesNotification.Type.DELIVERY, "m" + n, T0.plusSeconds(n), "", "",
                        List.of(new SesNotification.Recipient("a" + n + "@gmail.com", "", "", ""),
                                new SesNotification.Recipient("b" + n + "@gmail.com", "", "", ""),
                                new SesNotification.Recipient("c" + n + "@gmail.com", "", "", "")));
                case 1 -> bounce("rebote" + n + "@gmail.com", "Permanent", "NoEmail", "5.1.1", "550 5.1.1",
                        T0.plusSeconds(n));
                case 2 -> new SesNotification(SesNotification.Type.COMPLAINT, "m" + n, T0.plusSeconds(n), "", "",
                        List.of(new SesNotification.Recipient("queja" + n + "@gmail.com", "", "", "")));
                default -> bounce("remitente" + n + "@gmail.com", "Permanent", "General", "5.7.1",
                        "550 5.7.1 rejected by DMARC policy", T0.plusSeconds(n));
            };
            work.add(() -> store.record(id, "test", notification));
            work.add(() -> store.record(id, "test", notification)); // the same notification delivered twice
        }
        java.util.Collections.shuffle(work, new java.util.Random(17));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<FeedbackStore.Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<FeedbackStore.Recorded> f : pool.invokeAll(work)) {
                outcomes.add(f.get().outcome()); // a failed notification throws here
            }
        } finally {
            pool.shutdown();
        }
        assertThat(outcomes).filteredOn(o -> o == FeedbackStore.Outcome.STORED).hasSize(100);
        assertThat(outcomes).filteredOn(o -> o == FeedbackStore.Outcome.DUPLICATE).hasSize(100);
        Map<String, Object> day = store.sendingDays(1).get(0);
        assertThat(((Number) value(day, "deliveries")).intValue()).isEqualTo(75);
        assertThat(((Number) value(day, "mailbox_missing")).intValue()).isEqualTo(25);
        assertThat(((Number) value(day, "complaints")).intValue()).isEqualTo(25);
        assertThat(((Number) value(day, "sender_rejections")).intValue()).isEqualTo(25);
        assertThat(store.sendingTotals(1)).containsEntry("deliveries", 75).containsEntry("mailbox_missing", 25)
                .containsEntry("complaints", 25).containsEntry("sender_rejections", 25);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sending_day_slot").query(Integer.class).single())
                .as("the day's counts are spread over its slots").isBetween(2, FeedbackStore.DAY_SLOTS);
        assertThat(store.suppressed()).hasSize(50);
    }

    @Test
    void liftEraseAndRetention() {
        record(bounce("l@gmail.com", "Permanent", "NoEmail", "5.1.1", "550 5.1.1 <l@gmail.com> unknown", T0));
        store.reject("bad-1", "test", "no mail.messageId", "{\"bounce\":{\"x\":\"l@gmail.com\"}}");
        assertThat(store.lift("l@gmail.com")).isTrue();
        assertThat(store.lift("l@gmail.com")).isFalse();
        assertThat(store.find("l@gmail.com").orElseThrow().reason()).isNull();
        assertThat(store.find("l@gmail.com").orElseThrow().count()).isEqualTo(1); // history stays

        assertThat(store.erase("l@gmail.com")).isEqualTo(3); // event, address, rejected body
        assertThat(store.find("l@gmail.com")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ses_notification WHERE body IS NOT NULL").query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ses_notification").query(Integer.class).single())
                .as("ids stay, so a redelivery is still a duplicate").isEqualTo(2);

        record(bounce("m@gmail.com", "Transient", "General", "", "", T0));
        record(bounce("n@gmail.com", "Permanent", "NoEmail", "", "", T0));
        now.set(T0.plus(Duration.ofDays(401)));
        assertThat(store.applyRetention(Duration.ofDays(400))).isGreaterThan(0);
        assertThat(store.find("m@gmail.com")).isEmpty();
        assertThat(store.find("n@gmail.com")).as("a suppression is kept until lifted").isPresent();
    }

    @Test
    void sendingTotalsAndTopBouncingDomainsSumTheWindow() {
        record(bounce("a@dead.com", "Permanent", "NoEmail", "", "", T0));
        record(bounce("b@dead.com", "Permanent", "General", "5.1.1", "", T0.minus(Duration.ofDays(2))));
        record(bounce("c@other.com", "Permanent", "General", "5.2.1", "", T0));
        record(bounce("d@other.com", "Permanent", "General", "5.7.1", "", T0)); // sender side: not a hard bounce here
        record(bounce("e@old.com", "Permanent", "NoEmail", "", "", T0.minus(Duration.ofDays(30)))); // outside
        store.record("deliv", "test", new SesNotification(SesNotification.Type.DELIVERY, "m", T0, "", "",
                List.of(new SesNotification.Recipient("x@y.com", "", "", ""))));
        Map<String, Integer> t = store.sendingTotals(7);
        assertThat(t).containsEntry("mailbox_missing", 2).containsEntry("permanent_other", 1)
                .containsEntry("sender_rejections", 1).containsEntry("deliveries", 1);
        List<Map<String, Object>> top = store.topBouncingDomains(7, 10);
        assertThat(top).hasSize(2);
        assertThat(top.get(0)).containsEntry("domain", "dead.com").containsEntry("bounces", 2);
        assertThat(top.get(1)).containsEntry("domain", "other.com").containsEntry("bounces", 1);
        assertThat(store.sendingTotals(1)).containsEntry("mailbox_missing", 1);
    }

    /** Column names come back upper-case from H2 and lower-case from PostgreSQL. */
    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }
}
