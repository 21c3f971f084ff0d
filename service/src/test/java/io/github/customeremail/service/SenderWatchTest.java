package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.SenderCode;
import io.github.customeremail.dns.SenderReport;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xbill.DNS.Type;
import tools.jackson.databind.JsonNode;

/**
 * The sender-readiness watch in a real service on loopback HTTP, against a real DNS server on loopback: the
 * schedule runs every 100 ms from start; {@code ok.test} is set up right, {@code late.test} has no DMARC record
 * until a test publishes one. The tests wait for runs to finish (never for a fixed time) and run in order, since
 * the zone changes under the watch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "spring.datasource.url=jdbc:h2:mem:sender;DB_CLOSE_DELAY=-1",
        "customer-email.sender.domains[0].name=ok.test",
        "customer-email.sender.domains[0].dkim-selectors=s1",
        "customer-email.sender.domains[0].ses-region=us-east-1",
        "customer-email.sender.domains[0].mail-from=bounce",
        "customer-email.sender.domains[1].name=late.test",
        "customer-email.sender.domains[1].dkim-selectors=s1",
        "customer-email.sender.blocklists=domain:dbl.test",
        "customer-email.sender.interval=100ms",
        "customer-email.sender.initial-delay=0s",
        "customer-email.sender.query-timeout=1s",
        "customer-email.sender.log-language=en",
        "management.endpoint.health.show-details=always"})
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SenderWatchTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final LoopbackDnsServer DNS = start();

    @LocalServerPort
    int port;
    @Autowired
    SenderWatch watch;
    @Autowired
    MeterRegistry meters;

    /** A fixed clock: the report's {@code checkedAt} comes from it. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    private static LoopbackDnsServer start() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            String key = Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
            LoopbackDnsServer dns = LoopbackDnsServer.start();
            for (String zone : new String[] {"amazonses.com", "ok.test", "late.test", "dbl.test"}) {
                dns.soa(zone, 300, 60);
            }
            dns.txt("amazonses.com", "v=spf1 ip4:199.255.192.0/22 -all");
            for (String d : new String[] {"ok.test", "late.test"}) {
                dns.txt(d, "v=spf1 include:amazonses.com -all");
                dns.txt("s1._domainkey." + d, "v=DKIM1; k=rsa; p=" + key);
            }
            dns.txt("_dmarc.ok.test", "v=DMARC1; p=reject; rua=mailto:dmarc@ok.test");
            dns.mx("bounce.ok.test", 10, "feedback-smtp.us-east-1.amazonses.com");
            dns.txt("bounce.ok.test", "v=spf1 include:amazonses.com -all");
            return dns;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dns(DynamicPropertyRegistry registry) {
        registry.add("customer-email.sender.dns", () -> "127.0.0.1:" + DNS.port());
    }

    @AfterAll
    static void stop() {
        DNS.close();
    }

    /** Waits (up to a minute, polling) until the condition holds; fails if it never does. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute for " + what).isLessThan(end);
            Thread.sleep(10);
        }
    }

    /** Waits for {@code n} more runs to finish than have now. */
    private void awaitMoreRuns(int n) throws InterruptedException {
        long target = watch.runs() + n;
        await(n + " more runs", () -> watch.runs() >= target);
    }

    private SenderCode code(String domain, String check) {
        SenderReport report = watch.last().orElseThrow().reports().stream()
                .filter(r -> r.domain().equals(domain)).findFirst().orElseThrow();
        return report.named(check).get(0).code();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private JsonNode health(LoopbackClient client) throws Exception {
        return LoopbackClient.json(client.send("GET", "/actuator/health/sender", null));
    }

    @Test
    @Order(1)
    void theLastReportIsServedWithTheApiKeyInTheRequestsLanguage() throws Exception {
        await("the first run", () -> watch.runs() >= 1);
        LoopbackClient client = new LoopbackClient(port);
        assertThat(client.send("GET", "/v1/sender", null).statusCode()).isEqualTo(401);

        HttpResponse<String> es = client.send("GET", "/v1/sender", null,
                RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY, "Accept-Language", "es");
        assertThat(es.statusCode()).isEqualTo(200);
        JsonNode body = LoopbackClient.json(es);
        assertThat(body.path("checkedAt").asString()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(body.path("status").asString()).isEqualTo("error");
        JsonNode ok = body.path("domains").get(0);
        assertThat(ok.path("domain").asString()).isEqualTo("ok.test");
        assertThat(ok.path("status").asString()).isEqualTo("ok");
        JsonNode late = body.path("domains").get(1);
        assertThat(late.path("status").asString()).isEqualTo("error");
        JsonNode dmarc = null;
        for (JsonNode c : late.path("checks")) {
            if (c.path("name").asString().equals("dmarc")) {
                dmarc = c;
            }
        }
        assertThat(dmarc).isNotNull();
        assertThat(dmarc.path("status").asString()).isEqualTo("error");
        assertThat(dmarc.path("code").asString()).isEqualTo("DMARC_MISSING");
        assertThat(dmarc.path("message").asString()).startsWith("No hay registro DMARC en _dmarc.late.test").doesNotContain("{");

        JsonNode en = LoopbackClient.json(client.send("GET", "/v1/sender", null,
                RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY, "Accept-Language", "en"));
        assertThat(en.toString()).contains("There is no DMARC record at _dmarc.late.test");
    }

    @Test
    @Order(2)
    void healthIsDownWhileADomainHasAnErrorAndTheGaugesSayWhich() throws Exception {
        LoopbackClient client = new LoopbackClient(port);
        HttpResponse<String> overall = client.send("GET", "/actuator/health", null);
        assertThat(overall.statusCode()).isEqualTo(503);
        JsonNode sender = health(client);
        assertThat(sender.path("status").asString()).isEqualTo("DOWN");
        assertThat(sender.path("details").path("late.test").path("problems").path("dmarc").asString())
                .isEqualTo("DMARC_MISSING");
        assertThat(sender.path("details").path("ok.test").path("status").asString()).isEqualTo("ok");
        assertThat(meters.get("customer.email.sender.status").tag("domain", "late.test").tag("status", "error")
                .gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("customer.email.sender.status").tag("domain", "ok.test").tag("status", "error")
                .gauge().value()).isZero();
        assertThat(meters.get("customer.email.sender.checks").tag("domain", "late.test").tag("status", "error")
                .gauge().value()).isPositive();
        assertThat(meters.get("customer.email.sender.checks").tag("domain", "ok.test").tag("status", "ok")
                .gauge().value()).isGreaterThan(5);
    }

    @Test
    @Order(3)
    void aChangeOfStatusIsLoggedOnceNotAtEveryRun(CapturedOutput output) throws Exception {
        String fixed = "sender readiness of late.test: dmarc error -> ok (DMARC_FOUND)";
        String broken = "sender readiness of late.test: dmarc ok -> error (DMARC_MISSING)";
        assertThat(code("late.test", "dmarc")).isEqualTo(SenderCode.DMARC_MISSING);

        DNS.txt("_dmarc.late.test", "v=DMARC1; p=reject; rua=mailto:dmarc@late.test");
        await("DMARC found", () -> code("late.test", "dmarc") == SenderCode.DMARC_FOUND);
        awaitMoreRuns(5);
        assertThat(count(output.getOut(), fixed)).as("told once, not at every run").isEqualTo(1);
        assertThat(health(new LoopbackClient(port)).path("status").asString()).isEqualTo("UP");

        DNS.remove("_dmarc.late.test", Type.TXT);
        await("DMARC missing", () -> code("late.test", "dmarc") == SenderCode.DMARC_MISSING);
        awaitMoreRuns(5);
        assertThat(count(output.getOut(), broken)).isEqualTo(1);
        assertThat(count(output.getOut(), fixed)).isEqualTo(1);
        assertThat(output.getOut()).doesNotContain("sender readiness of ok.test");

        // a DNS failure is not a change: nothing is told while the record cannot be read, nor when it is back
        int lines = count(output.getOut(), "sender readiness of late.test: dmarc");
        DNS.fault("_dmarc.late.test", LoopbackDnsServer.Fault.servfail());
        await("DMARC unknown", () -> code("late.test", "dmarc") == SenderCode.DMARC_UNKNOWN);
        awaitMoreRuns(3);
        assertThat(health(new LoopbackClient(port)).path("status").asString()).isEqualTo("UNKNOWN");
        DNS.fault("_dmarc.late.test", null);
        await("DMARC missing again", () -> code("late.test", "dmarc") == SenderCode.DMARC_MISSING);
        awaitMoreRuns(3);
        assertThat(count(output.getOut(), "sender readiness of late.test: dmarc")).isEqualTo(lines);
    }
}
