package io.github.customeremail.service.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.odoo.OdooStandin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A webhook call whose check DNS leaves indeterminate (a real DNS server on loopback answering SERVFAIL) is checked
 * again later through the outbox, and its note is posted only when a re-check finds the address wrong; after the
 * configured re-checks it gives up without a note. The worker's rounds are run at chosen times: nothing depends on
 * timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.extra-top-level-domains=test",
        "customer-email.service.api-keys=odoo-recheck-test-key-0123456789",
        "customer-email.odoo.webhook-secret=" + OdooWebhookRecheckTest.SECRET,
        "customer-email.odoo.outbox.poll-interval=1h",
        "customer-email.odoo.recheck.attempts=2",
        "customer-email.odoo.recheck.first-delay=10m",
        "spring.datasource.url=jdbc:h2:mem:odoo-recheck;DB_CLOSE_DELAY=-1"})
class OdooWebhookRecheckTest {

    static final String SECRET = "webhook-secret-recheck-0123456789";
    private static final Duration FIRST = Duration.ofMinutes(10);
    private static final LoopbackDnsServer DNS = dns();
    private static OdooStandin odoo;

    @Autowired
    OdooOutboxWorker worker;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private static LoopbackDnsServer dns() {
        try {
            return LoopbackDnsServer.start().soa("test", 60, 60)
                    .fault("roto.test", LoopbackDnsServer.Fault.servfail())
                    .fault("lento.test", LoopbackDnsServer.Fault.servfail());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        odoo = OdooStandin.start("17.0", 0);
        OdooSyncTest.connect(registry, odoo);
        registry.add("customer-email.dns.servers", () -> "127.0.0.1:" + DNS.port());
        // The re-checks here follow one another at once; in production their delay outlasts the checker's memory.
        registry.add("customer-email.dns.indeterminate-ttl", () -> "0s");
    }

    @AfterAll
    static void stop() {
        odoo.close();
        DNS.close();
    }

    @Test
    void anIndeterminateCheckIsRepeatedAndNotesOnlyWhatARecheckFindsWrong() throws Exception {
        List<Integer> ids = odoo.addPartners(List.of(Map.of("name", "Roto", "email", "juan@roto.test"),
                Map.of("name", "Lento", "email", "ana@lento.test")));
        assertThat(webhook(OdooSyncTest.odooCall(ids.get(0), "juan@roto.test")).statusCode()).isEqualTo(202);
        assertThat(webhook(OdooSyncTest.odooCall(ids.get(1), "ana@lento.test")).statusCode()).isEqualTo(202);
        // Whole milliseconds: the database keeps microseconds, and a due time rounded up would not be due yet.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        assertThat(worker.runOnce(now).delivered()).isEqualTo(2);
        assertThat(rechecks()).containsExactly(1, 1);
        assertThat(pending()).as("both put back, not done").isEqualTo(2);
        assertThat(worker.runOnce(now.plus(FIRST).minusSeconds(1)).delivered()).as("not due yet").isZero();

        // The first re-check: roto.test now answers that it does not exist; lento.test still fails.
        DNS.fault("roto.test", null);
        assertThat(worker.runOnce(now.plus(FIRST)).delivered()).isEqualTo(2);
        assertThat(outcomeOf(ids.get(0))).startsWith("INVALID: note POSTED");
        assertThat(rechecks()).containsExactly(1, 2);

        // The second re-check waits twice as long; lento.test still fails and the check gives up, posting nothing.
        Instant second = now.plus(FIRST).plus(FIRST.multipliedBy(2));
        assertThat(worker.runOnce(second.minusSeconds(1)).delivered()).isZero();
        assertThat(worker.runOnce(second).delivered()).isEqualTo(1);
        assertThat(outcomeOf(ids.get(1))).isEqualTo("UNKNOWN (DNS did not answer): nothing posted (after 2 re-checks)");
        assertThat(pending()).isZero();

        List<?> notes = OdooSyncTest.notesOn(odoo.state(ids), ids);
        assertThat(notes).singleElement().satisfies(n -> assertThat(n.toString())
                .contains("res_id=" + ids.get(0), "juan@roto.test"));
    }

    private HttpResponse<String> webhook(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/odoo/webhook/" + SECRET))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<Integer> rechecks() {
        return jdbc.sql("SELECT rechecks FROM odoo_outbox ORDER BY id").query(Integer.class).list();
    }

    private long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM odoo_outbox WHERE done_at IS NULL").query(Long.class).single();
    }

    private String outcomeOf(int partnerId) {
        return jdbc.sql("SELECT outcome FROM odoo_outbox WHERE partner_id = ? AND done_at IS NOT NULL")
                .param(partnerId).query(String.class).single();
    }
}
