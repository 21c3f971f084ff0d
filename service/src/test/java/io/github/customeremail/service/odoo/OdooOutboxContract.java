package io.github.customeremail.service.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.customeremail.service.FeedbackFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox's queue operations on a real database, the same on H2 and PostgreSQL. */
abstract class OdooOutboxContract {

    private static final Instant T0 = Instant.parse("2026-11-03T14:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private HikariDataSource dataSource;
    private OdooOutbox outbox;

    abstract String newDatabaseUrl();

    abstract String user();

    @BeforeEach
    void open() {
        dataSource = FeedbackFixture.migratedDatabase(newDatabaseUrl(), user(), 10);
        outbox = new OdooOutbox(JdbcClient.create(dataSource));
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void theSameCauseIsQueuedOnce() {
        assertThat(outbox.queueFeedback("n1", "ana@x.com", "COMPLAINT", "", T0, T0)).isTrue();
        assertThat(outbox.queueFeedback("n1", "ana@x.com", "COMPLAINT", "", T0, T0)).isFalse();
        assertThat(outbox.queueFeedback("n2", "ana@x.com", "COMPLAINT", "", T0, T0)).isTrue();
        assertThat(outbox.queueCheck(7, "Juan@Gmial.com ", T0)).isTrue();
        assertThat(outbox.queueCheck(7, "juan@gmial.com", T0)).isFalse();
        assertThat(outbox.queueCheck(8, "juan@gmial.com", T0)).isTrue();
        assertThat(outbox.status()).containsEntry("pending", 4L).containsEntry("done", 0L);
    }

    @Test
    void aLeasedRowIsNotTakenTwiceUntilItsLeaseRunsOut() {
        outbox.queueFeedback("n1", "ana@x.com", "MAILBOX_DOES_NOT_EXIST", "550 5.1.1", T0, T0);
        List<OdooOutbox.Entry> first = outbox.claim(T0, 10, LEASE);
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(OdooOutbox.Kind.FEEDBACK);
            assertThat(e.reference()).matches("ce-[0-9a-f]{12}");
            assertThat(e.diagnostic()).isEqualTo("550 5.1.1");
            assertThat(e.occurredAt()).isEqualTo(T0);
        });
        assertThat(outbox.claim(T0.plusSeconds(60), 10, LEASE)).as("another worker, lease alive").isEmpty();
        assertThat(outbox.claim(T0.plus(LEASE).plusSeconds(1), 10, LEASE)).as("the first worker died").hasSize(1);
    }

    @Test
    void aFailedRowWaitsItsBackoffAndADoneRowIsKeptThenPurged() {
        outbox.queueCheck(7, "juan@gmial.com", T0);
        OdooOutbox.Entry entry = outbox.claim(T0, 10, LEASE).get(0);
        outbox.failed(entry.id(), "OdooTransportException: refused", T0.plusSeconds(30));

        assertThat(outbox.claim(T0.plusSeconds(29), 10, LEASE)).isEmpty();
        assertThat(outbox.status()).containsEntry("failing", 1L).containsEntry("lastError",
                "OdooTransportException: refused");
        OdooOutbox.Entry again = outbox.claim(T0.plusSeconds(30), 10, LEASE).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.reference()).as("the same reference on every attempt").isEqualTo(entry.reference());
        outbox.done(again.id(), "SUGGEST: note POSTED", T0.plusSeconds(31));

        assertThat(outbox.claim(T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
        assertThat(outbox.status()).containsEntry("pending", 0L).containsEntry("done", 1L);
        assertThat(outbox.purgeDone(T0)).isZero();
        assertThat(outbox.purgeDone(T0.plus(Duration.ofDays(1)))).isEqualTo(1);
    }

    @Test
    void aReleasedRowIsDueAgainAtOnceWithoutCountingAnAttempt() {
        outbox.queueFeedback("n1", "ana@x.com", "COMPLAINT", "", T0, T0);
        OdooOutbox.Entry entry = outbox.claim(T0, 10, LEASE).get(0);
        outbox.release(entry.id());
        assertThat(outbox.claim(T0, 10, LEASE)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isZero());
    }

    @Test
    void aLiftIsQueuedOnceAndClosesTheAddresssUndeliveredBounce() {
        outbox.queueFeedback("n1", "ana@x.com", "MAILBOX_DOES_NOT_EXIST", "550", T0, T0);
        outbox.queueFeedback("n2", "luis@x.com", "COMPLAINT", "", T0, T0);
        Instant lifted = T0.plusSeconds(60);

        assertThat(outbox.queueLifted("ana@x.com", "MAILBOX_DOES_NOT_EXIST", lifted, lifted)).isTrue();
        assertThat(outbox.queueLifted("ana@x.com", "MAILBOX_DOES_NOT_EXIST", lifted, lifted)).as("the same lift")
                .isFalse();

        List<OdooOutbox.Entry> due = outbox.claim(lifted, 10, LEASE);
        assertThat(due).extracting(OdooOutbox.Entry::kind, OdooOutbox.Entry::address).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(OdooOutbox.Kind.FEEDBACK, "luis@x.com"),
                org.assertj.core.groups.Tuple.tuple(OdooOutbox.Kind.LIFTED, "ana@x.com"));
        assertThat(due).filteredOn(e -> e.kind() == OdooOutbox.Kind.LIFTED).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("MAILBOX_DOES_NOT_EXIST"));
        assertThat(outbox.status()).containsEntry("done", 1L);
    }

    @Test
    void anIndeterminateCheckIsPutBackAsARecheckNotAFailure() {
        outbox.queueCheck(7, "juan@roto.test", T0);
        OdooOutbox.Entry entry = outbox.claim(T0, 10, LEASE).get(0);
        outbox.recheckLater(entry.id(), "UNKNOWN (DNS did not answer): nothing posted", T0.plusSeconds(600));

        assertThat(outbox.claim(T0.plusSeconds(599), 10, LEASE)).isEmpty();
        assertThat(outbox.status()).containsEntry("pending", 1L).containsEntry("failing", 0L);
        assertThat(outbox.claim(T0.plusSeconds(600), 10, LEASE)).singleElement().satisfies(e -> {
            assertThat(e.rechecks()).isEqualTo(1);
            assertThat(e.attempts()).isZero();
            assertThat(e.reference()).isEqualTo(entry.reference());
        });
    }

    @Test
    void erasureRemovesEveryRowAboutTheAddress() {
        outbox.queueFeedback("n1", "ana@x.com", "COMPLAINT", "", T0, T0);
        outbox.queueCheck(7, "Ana@X.com, otra@y.com", T0);
        outbox.queueCheck(8, "luis@x.com", T0);
        assertThat(outbox.erase("ana@x.com")).isEqualTo(2);
        assertThat(outbox.status()).containsEntry("pending", 1L);
    }
}
