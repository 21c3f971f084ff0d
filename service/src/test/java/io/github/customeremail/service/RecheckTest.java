package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.testing.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * "Save and re-check later" against a real DNS server on loopback: an address is UNKNOWN while the server fails
 * (SERVFAIL), is kept, rechecked, and settles as VALID once the server answers. The recheck runs are called
 * directly (the schedule is an hour away), so nothing depends on timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.extra-top-level-domains=test",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "customer-email.service.recheck.first-delay=0s",
        "customer-email.service.recheck.interval=1h",
        "spring.datasource.url=jdbc:h2:mem:recheck;DB_CLOSE_DELAY=-1"})
class RecheckTest {

    private static final LoopbackDnsServer DNS = start();

    @LocalServerPort
    int port;
    @Autowired
    Rechecks rechecks;

    private static LoopbackDnsServer start() {
        try {
            return LoopbackDnsServer.start().mx("example.test", 10, "mail.example.test")
                    .a("mail.example.test", "11.22.33.44")
                    .fault("example.test", LoopbackDnsServer.Fault.servfail());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dns(DynamicPropertyRegistry registry) {
        registry.add("customer-email.dns.servers", () -> "127.0.0.1:" + DNS.port());
        // Rechecks run right after one another here; in production their backoff outlasts the checker's memory.
        registry.add("customer-email.dns.indeterminate-ttl", () -> "0s");
    }

    @AfterAll
    static void stop() {
        DNS.close();
    }

    private JsonNode state(LoopbackClient client) throws Exception {
        return LoopbackClient.json(client.post("/v1/rechecks/lookup", "{\"address\":\"juan@example.test\"}"));
    }

    @Test
    void anUnknownAddressIsRecheckedUntilDnsAnswers() throws Exception {
        LoopbackClient client = new LoopbackClient(port);
        JsonNode check = LoopbackClient.json(client.post("/v1/checks", "{\"addresses\":[\"Juan@example.test\"]}"))
                .path("results").get(0);
        assertThat(check.path("verdict").asString()).isEqualTo("UNKNOWN");
        assertThat(state(client).path("verdict").asString()).isEqualTo("UNKNOWN");
        assertThat(state(client).path("attempts").asInt()).isZero();

        assertThat(rechecks.runOnce()).isEqualTo(1);
        assertThat(state(client).path("verdict").asString()).isEqualTo("UNKNOWN");
        assertThat(state(client).path("attempts").asInt()).isEqualTo(1);

        DNS.fault("example.test", null);
        assertThat(rechecks.runOnce()).isEqualTo(1);
        JsonNode settled = state(client);
        assertThat(settled.path("verdict").asString()).isEqualTo("VALID");
        assertThat(settled.path("attempts").asInt()).isEqualTo(2);
        assertThat(rechecks.runOnce()).as("settled: nothing more to do").isZero();
        assertThat(client.post("/v1/addresses/erase", "{\"address\":\"juan@example.test\"}").statusCode())
                .isEqualTo(200);
        assertThat(client.post("/v1/rechecks/lookup", "{\"address\":\"juan@example.test\"}").statusCode())
                .isEqualTo(404);
    }
}
