package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.corporate-domains=tumatera.com",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "customer-email.service.max-batch=5",
        "customer-email.service.max-request-bytes=4096",
        "spring.datasource.url=jdbc:h2:mem:check-api;DB_CLOSE_DELAY=-1"})
class CheckApiTest {

    @LocalServerPort
    int port;

    private LoopbackClient client() {
        return new LoopbackClient(port);
    }

    @Test
    void eachResultIsExactlyTheClisJsonObject() throws Exception {
        List<String> inputs = List.of("  Juan.Perez@Gmail,com ", "juan@gmial.com", "ventas@tumatera.com",
                "no-at-sign", "ana@hotmail.com");
        HttpResponse<String> r = client().post("/v1/checks", JsonMapper.builder().build()
                .writeValueAsString(java.util.Map.of("addresses", inputs)), "Accept-Language", "en-US,en;q=0.8");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode results = LoopbackClient.json(r).path("results");
        assertThat(results.size()).isEqualTo(inputs.size());

        List<String> args = new ArrayList<>(List.of("check", "--dns", "off", "--format", "json", "--lang", "en",
                "--corporate-domain", "tumatera.com"));
        args.addAll(inputs);
        List<JsonNode> cli = runCli(args);
        assertThat(cli).hasSize(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(results.get(i)).as("result %d", i).isEqualTo(cli.get(i));
        }
        assertThat(results.get(0).path("verdict").asString()).isEqualTo("VALID");
        assertThat(results.get(1).path("suggestion").asString()).isEqualTo("juan@gmail.com");
        assertThat(results.get(2).path("verdict").asString()).isEqualTo("INVALID");
    }

    @Test
    void acceptLanguagePicksTheMessagesAndSpanishIsTheDefault() throws Exception {
        String body = "{\"addresses\":[\"juan@gmial.com\"]}";
        String en = LoopbackClient.json(client().post("/v1/checks", body, "Accept-Language", "en"))
                .path("results").get(0).path("findings").get(0).path("message").asString();
        String es = LoopbackClient.json(client().post("/v1/checks", body))
                .path("results").get(0).path("findings").get(0).path("message").asString();
        String pt = LoopbackClient.json(client().post("/v1/checks", body, "Accept-Language", "pt-BR"))
                .path("results").get(0).path("findings").get(0).path("message").asString();
        assertThat(en).isNotEqualTo(es).contains("gmail.com");
        assertThat(pt).isEqualTo("Você quis dizer juan@gmail.com?");
        assertThat(LoopbackClient.json(client().post("/v1/checks", body, "Accept-Language", ";;;garbage")).path(
                "results").get(0).path("findings").get(0).path("message").asString()).isEqualTo(es);
    }

    @Test
    void theCheckEndpointNeedsAKeyByDefault() throws Exception {
        HttpResponse<String> none = client().send("POST", "/v1/checks", "{\"addresses\":[\"a@gmail.com\"]}",
                "Content-Type", "application/json");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(LoopbackClient.json(none).path("error").asString()).isEqualTo("unauthorized");
        HttpResponse<String> wrong = client().send("POST", "/v1/checks", "{\"addresses\":[\"a@gmail.com\"]}",
                "Content-Type", "application/json", RequestGuardFilter.API_KEY_HEADER, "wrong-key-0123456789");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(client().send("POST", "/v1/suppressions/lookup", "{\"address\":\"a@gmail.com\"}",
                "Content-Type", "application/json").statusCode()).isEqualTo(401);
        assertThat(client().send("GET", "/v1/suppressions/export", null).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsAJsonErrorNeverA500() throws Exception {
        record Case(String body, String contentType, int status, String error) {
        }
        List<Case> cases = List.of(
                new Case("{not json", "application/json", 400, "bad-request"),
                new Case("[]", "application/json", 400, "bad-request"),
                new Case("{}", "application/json", 400, "bad-request"),
                new Case("{\"addresses\":[]}", "application/json", 400, "bad-request"),
                new Case("{\"addresses\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}", "application/json", 400,
                        "bad-request"),
                new Case("{\"addresses\":\"a@b.com\"}", "application/json", 400, "bad-request"),
                new Case("{\"addresses\":[\"a@b.com\"]}", "text/plain", 415, "unsupported-media-type"),
                new Case("{\"addresses\":[\"" + "a".repeat(5000) + "\"]}", "application/json", 413, "too-large"),
                new Case("", "application/json", 400, "bad-request"));
        for (Case c : cases) {
            HttpResponse<String> r = client().send("POST", "/v1/checks", c.body(), "Content-Type", c.contentType(),
                    RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY);
            assertThat(r.statusCode()).as(c.body()).isEqualTo(c.status());
            assertThat(LoopbackClient.json(r).path("error").asString()).as(c.body()).isEqualTo(c.error());
        }
        // null, control characters and huge addresses inside a valid batch are checked, not errors
        HttpResponse<String> odd = client().post("/v1/checks", "{\"addresses\":[null,\"\\u0000@x.com\",\"\"]}");
        assertThat(odd.statusCode()).isEqualTo(200);
        assertThat(LoopbackClient.json(odd).path("results").get(0).path("verdict").asString()).isEqualTo("INVALID");
        assertThat(client().send("GET", "/v1/nothing", null, RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentIsServed() throws Exception {
        HttpResponse<String> r = client().send("GET", "/openapi.yaml", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("openapi: 3.").contains("/v1/checks").contains("/v1/ses/notifications");
    }

    /**
     * This context keeps the default SNS settings (certificate hosts {@code sns.<region>.amazonaws.com}): a message
     * signed by the tests' own key, its certificate on a loopback HTTPS host, is refused, nothing is fetched and
     * nothing is stored.
     */
    @Test
    void theDefaultConfigurationRefusesAMessageSignedByTheTestsOwnKey(
            @org.springframework.beans.factory.annotation.Autowired
            org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
        TestCertificates certs = TestCertificates.get();
        try (LoopbackHttpsServer host = new LoopbackHttpsServer(certs)) {
            SnsSigner signer = host.signer();
            String id = java.util.UUID.randomUUID().toString();
            HttpResponse<String> r = client().sns(SnsSigner.json(signer.notification(id, SnsSigner.bounce(
                    "victima@gmail.com", "Permanent", "NoEmail", "5.1.1", "550 5.1.1", java.time.Instant.now()), 2)));
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(host.requests).isEmpty();
            HttpResponse<String> confirm = client().sns(SnsSigner.json(signer.subscriptionConfirmation(
                    host.url("/confirm"))));
            assertThat(confirm.statusCode()).isEqualTo(403);
            assertThat(host.requests).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ses_notification").query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM address_feedback").query(Integer.class).single()).isZero();
        }
    }

    /** Runs the CLI in-process and returns its JSON lines. */
    private static synchronized List<JsonNode> runCli(List<String> args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            io.github.customeremail.cli.Main.run(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{\"input\"")) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
