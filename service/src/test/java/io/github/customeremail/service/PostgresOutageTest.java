package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on PostgreSQL through a real outage: the server is stopped and started again. While it is down, SNS
 * gets 503 (so it retries) and checks still answer from the in-memory suppression view; once it is back, the
 * retried notification is stored once, with no manual step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "customer-email.service.sns.certificate-hosts=127\\.0\\.0\\.1",
        "spring.datasource.username=postgres",
        "spring.datasource.password="})
@Import(TestSnsClientConfiguration.class)
class PostgresOutageTest {

    private static LoopbackHttpsServer certHost;
    private static SnsSigner signer;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create();
        registry.add("spring.datasource.url", () -> url);
    }

    @BeforeAll
    static void startCertificateHost() throws Exception {
        PostgresDatabase.serverUrl(); // skips (or fails under CI=true) before the context needs the database
        certHost = LoopbackHttpsServer.shared();
        signer = certHost.signer();
    }

    @Test
    void anOutageIsA503AndTheRetryIsStoredOnceAfterRecovery() throws Exception {
        LoopbackClient client = new LoopbackClient(port);
        String before = SnsSigner.json(signer.notification(UUID.randomUUID().toString(), SnsSigner.bounce(
                "antes@gmail.com", "Permanent", "NoEmail", "5.1.1", "550 5.1.1 unknown", Instant.now()), 2));
        assertThat(client.sns(before).statusCode()).isEqualTo(200);

        String during = SnsSigner.json(signer.notification(UUID.randomUUID().toString(), SnsSigner.bounce(
                "durante@gmail.com", "Permanent", "NoEmail", "5.1.1", "550 5.1.1 unknown", Instant.now()), 2));
        PostgresDatabase.control("stop");
        try {
            HttpResponse<String> refused = client.sns(during);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(LoopbackClient.json(refused).path("error").asString()).isEqualTo("unavailable");
            // checks go on from the in-memory view, which still knows the earlier bounce
            HttpResponse<String> check = client.post("/v1/checks", "{\"addresses\":[\"antes@gmail.com\"]}");
            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(LoopbackClient.json(check).path("results").get(0).path("verdict").asString())
                    .isEqualTo("INVALID");
            assertThat(client.post("/v1/suppressions/lookup", "{\"address\":\"antes@gmail.com\"}").statusCode())
                    .isEqualTo(503);
        } finally {
            PostgresDatabase.control("start");
        }
        // SNS retries (several times at once, then with backoff); the pool replaces its dead connections by
        // itself, and the first attempts may still meet its reconnect backoff (503 again): retry as SNS does.
        HttpResponse<String> retried = client.sns(during);
        for (int attempt = 1; attempt < 10 && retried.statusCode() == 503; attempt++) {
            retried = client.sns(during);
        }
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(LoopbackClient.json(retried).path("outcome").asString()).isEqualTo("stored");
        assertThat(LoopbackClient.json(client.sns(during)).path("outcome").asString()).isEqualTo("duplicate");
        assertThat(jdbc.sql("SELECT event_count FROM address_feedback WHERE address_key = 'durante@gmail.com'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(LoopbackClient.json(client.post("/v1/checks", "{\"addresses\":[\"durante@gmail.com\"]}"))
                .path("results").get(0).path("verdict").asString()).isEqualTo("INVALID");
    }
}
