package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two optional settings: {@code checks-open=true} opens only the check endpoint (every endpoint with stored data
 * still needs a key), and basic auth on the SNS endpoint (SNS sends the user and password of the subscription URL)
 * comes on top of the signature: without it a correctly signed message is refused and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "customer-email.service.checks-open=true",
        "customer-email.service.sns.certificate-hosts=127\\.0\\.0\\.1",
        "customer-email.service.sns.basic-auth-user=sns",
        "customer-email.service.sns.basic-auth-password=una-clave-larga-de-prueba",
        "spring.datasource.url=jdbc:h2:mem:open-checks;DB_CLOSE_DELAY=-1"})
@Import(TestSnsClientConfiguration.class)
class OpenChecksAndSnsBasicAuthTest {

    private static SnsSigner signer;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void signer() throws Exception {
        signer = LoopbackHttpsServer.shared().signer();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void checksAreOpenAndEveryEndpointWithStoredDataStillNeedsAKey() throws Exception {
        LoopbackClient client = new LoopbackClient(port);
        HttpResponse<String> open = client.send("POST", "/v1/checks", "{\"addresses\":[\"juan@gmial.com\"]}",
                "Content-Type", "application/json");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(LoopbackClient.json(open).path("results").get(0).path("verdict").asString()).isEqualTo("SUGGEST");

        String body = "{\"address\":\"juan@gmail.com\"}";
        for (String[] call : new String[][] {{"POST", "/v1/suppressions/lookup"}, {"POST", "/v1/suppressions/lift"},
                {"POST", "/v1/addresses/erase"}, {"GET", "/v1/suppressions/export"}, {"GET", "/v1/sending/health"},
                {"POST", "/v1/rechecks/lookup"}, {"GET", "/v1/suppressions/AAAAAAAAAAAAAAAAAAAAAA"}}) {
            HttpResponse<String> refused = client.send(call[0], call[1], call[0].equals("GET") ? null : body,
                    "Content-Type", "application/json");
            assertThat(refused.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
            HttpResponse<String> wrongKey = client.send(call[0], call[1], call[0].equals("GET") ? null : body,
                    "Content-Type", "application/json", RequestGuardFilter.API_KEY_HEADER, "not-the-key-0123456789");
            assertThat(wrongKey.statusCode()).as(call[0] + " " + call[1] + " with a wrong key").isEqualTo(401);
        }
        // the open path is matched as the application sees it, so no detour through it opens another endpoint
        for (String detour : new String[] {"/v1/checks/../suppressions/export", "/v1/checks/..;/suppressions/export",
                "/v1/checks;x=1/../suppressions/export", "/v1/checks%2F..%2Fsuppressions/export",
                "/v1/ses/notifications/../../suppressions/export"}) {
            assertThat(client.send("GET", detour, null).statusCode()).as(detour).isIn(400, 401, 404);
        }
        assertThat(client.send("GET", "/v1/sending/health", null, RequestGuardFilter.API_KEY_HEADER,
                LoopbackClient.KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void theSnsEndpointWantsBasicAuthOnTopOfTheSignature() throws Exception {
        LoopbackClient client = new LoopbackClient(port);
        String id = UUID.randomUUID().toString();
        String message = SnsSigner.json(signer.notification(id, SnsSigner.bounce("basica@gmail.com", "Permanent",
                "NoEmail", "5.1.1", "550 5.1.1 unknown", Instant.now()), 2));
        for (String authorization : new String[] {null, basic("sns:otra-clave"), basic("otro:una-clave-larga-de-prueba"),
                "Basic no-es-base64!", "Bearer una-clave-larga-de-prueba"}) {
            HttpResponse<String> refused = authorization == null ? client.sns(message)
                    : client.send("POST", "/v1/ses/notifications", message, "Content-Type", "text/plain",
                    "Authorization", authorization);
            assertThat(refused.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"customer-email\"");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ses_notification WHERE message_id = ?").param(id)
                .query(Integer.class).single()).as("nothing stored before basic auth passed").isZero();

        HttpResponse<String> accepted = client.send("POST", "/v1/ses/notifications", message, "Content-Type",
                "text/plain", "Authorization", basic("sns:una-clave-larga-de-prueba"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(LoopbackClient.json(accepted).path("outcome").asString()).isEqualTo("stored");

        String unsigned = message.replace("basica@gmail.com", "otra@gmail.com");
        assertThat(client.send("POST", "/v1/ses/notifications", unsigned, "Content-Type", "text/plain",
                "Authorization", basic("sns:una-clave-larga-de-prueba")).statusCode())
                .as("basic auth does not replace the signature").isEqualTo(403);
    }
}
