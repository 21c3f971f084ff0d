package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "customer-email.service.sns.certificate-hosts=127\\.0\\.0\\.1",
        "customer-email.service.sns.subscribe-hosts=127\\.0\\.0\\.1",
        "spring.datasource.url=jdbc:h2:mem:sns-endpoint;DB_CLOSE_DELAY=-1"})
@Import(TestSnsClientConfiguration.class)
class SnsEndpointTest {

    private static LoopbackHttpsServer certHost;
    private static SnsSigner signer;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startCertificateHost() throws Exception {
        certHost = LoopbackHttpsServer.shared();
        signer = certHost.signer();
    }

    private LoopbackClient client() {
        return new LoopbackClient(port);
    }

    private int notifications(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM ses_notification WHERE message_id = ?").param(messageId)
                .query(Integer.class).single();
    }

    @Test
    void aSignedHardBounceSuppressesTheAddressAndTheCheckSaysWhy() throws Exception {
        Instant at = Instant.parse("2026-11-03T14:00:00Z");
        for (int version : new int[] {1, 2}) {
            String address = "juan.perez" + version + "@gmail.com";
            String id = UUID.randomUUID().toString();
            String ses = SnsSigner.bounce(address, "Permanent", "General", "5.1.1",
                    "smtp; 550 5.1.1 <" + address + ">: Recipient address rejected: User unknown", at);
            HttpResponse<String> r = client().sns(SnsSigner.json(signer.notification(id, ses, version)));
            assertThat(r.statusCode()).as("SignatureVersion %d", version).isEqualTo(200);
            assertThat(LoopbackClient.json(r).path("outcome").asString()).isEqualTo("stored");

            JsonNode check = LoopbackClient.json(client().post("/v1/checks",
                    "{\"addresses\":[\"" + address.toUpperCase() + "\"]}")).path("results").get(0);
            assertThat(check.path("verdict").asString()).isEqualTo("INVALID");
            assertThat(check.path("findings").findValuesAsString("message")).contains(
                    "El correo a esta dirección fue rechazado el 3/11/2026: la cuenta no existe (550 5.1.1)");

            JsonNode stored = LoopbackClient.json(client().post("/v1/suppressions/lookup",
                    "{\"address\":\"" + address + "\"}"));
            assertThat(stored.path("reason").asString()).isEqualTo("mailbox-does-not-exist");
            assertThat(stored.path("count").asInt()).isEqualTo(1);
            assertThat(stored.path("diagnostic").asString()).contains("550 5.1.1");
            assertThat(stored.path("mailMessageIds").size()).isEqualTo(1);
            // the path-safe id works in URLs and reveals nothing of the address
            String pathId = stored.path("id").asString();
            assertThat(pathId).matches("[A-Za-z0-9_-]{22}").doesNotContain("juan");
            assertThat(LoopbackClient.json(client().send("GET", "/v1/suppressions/" + pathId, null,
                    RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY)).path("address").asString())
                    .isEqualTo(address);
        }
    }

    @Test
    void theSameMessageIdAgainChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = SnsSigner.json(signer.notification(id, SnsSigner.bounce("maria@yahoo.com", "Transient",
                "MailboxFull", "4.2.2", "smtp; 452 4.2.2 mailbox full", Instant.now()), 2));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = client().sns(body);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(LoopbackClient.json(r).path("outcome").asString()).isEqualTo(i == 0 ? "stored" : "duplicate");
        }
        JsonNode stored = LoopbackClient.json(client().post("/v1/suppressions/lookup",
                "{\"address\":\"maria@yahoo.com\"}"));
        assertThat(stored.path("count").asInt()).isEqualTo(1);
        assertThat(stored.path("suppressed").asBoolean()).isFalse(); // one temporary bounce suppresses nothing
    }

    @Test
    void refusedMessagesAre403AndNeverStored() throws Exception {
        String ses = SnsSigner.bounce("refused@gmail.com", "Permanent", "NoEmail", "5.1.1", "550 5.1.1", Instant.now());
        List<String> refused = new ArrayList<>();

        Map<String, String> tampered = signer.notification(UUID.randomUUID().toString(), ses, 2);
        tampered.put("Message", ses.replace("refused@", "other@"));
        refused.add(SnsSigner.json(tampered));

        Map<String, String> unsigned = signer.notification(UUID.randomUUID().toString(), ses, 2);
        unsigned.put("Signature", "");
        refused.add(SnsSigner.json(unsigned));

        Map<String, String> badVersion = signer.notification(UUID.randomUUID().toString(), ses, 2);
        badVersion.put("SignatureVersion", "3");
        refused.add(SnsSigner.json(badVersion));

        Map<String, String> plainHttp = signer.notification(UUID.randomUUID().toString(), ses, 2);
        plainHttp.put("SigningCertURL", certHost.url("/sns.pem").replace("https:", "http:"));
        refused.add(SnsSigner.json(plainHttp));

        Map<String, String> wrongHost = new SnsSigner(TestCertificates.get().key("sns"),
                "https://attacker.example.com/sns.pem").notification(UUID.randomUUID().toString(), ses, 2);
        refused.add(SnsSigner.json(wrongHost));

        Map<String, String> expired = new SnsSigner(TestCertificates.get().key("expired"),
                certHost.url("/expired.pem")).notification(UUID.randomUUID().toString(), ses, 2);
        refused.add(SnsSigner.json(expired));

        Map<String, String> notACertificate = new SnsSigner(TestCertificates.get().key("sns"),
                certHost.url("/garbage.pem")).notification(UUID.randomUUID().toString(), ses, 2);
        refused.add(SnsSigner.json(notACertificate));

        Map<String, String> otherKey = new SnsSigner(TestCertificates.get().key("expired"),
                certHost.url("/sns.pem")).notification(UUID.randomUUID().toString(), ses, 1);
        refused.add(SnsSigner.json(otherKey));

        for (String body : refused) {
            HttpResponse<String> r = client().sns(body);
            assertThat(r.statusCode()).as(body).isEqualTo(403);
            assertThat(LoopbackClient.json(r).path("error").asString()).isEqualTo("forbidden");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_event WHERE address_key IN ('refused@gmail.com', "
                + "'other@gmail.com')").query(Integer.class).single()).isZero();
        for (String body : refused) {
            String messageId = LoopbackClient.tree(body).path("MessageId").asString();
            assertThat(notifications(messageId)).as("stored?").isZero();
        }
        assertThat(certHost.requests).noneMatch(p -> p.contains("attacker"));
    }

    @Test
    void notSnsAtAllIs400AndOversizedIs413() throws Exception {
        assertThat(client().sns("{\"hello\":1}").statusCode()).isEqualTo(400);
        assertThat(client().sns("not json").statusCode()).isEqualTo(400);
        assertThat(client().sns("x".repeat(300_000)).statusCode()).isEqualTo(413);
    }

    @Test
    void aMalformedSesMessageIsKeptAsRejectedWithItsReason() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> r = client().sns(SnsSigner.json(signer.notification(id,
                "{\"notificationType\":\"Bounce\",\"mail\":{\"messageId\":\"m1\"},\"bounce\":{}}", 2)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(LoopbackClient.json(r).path("outcome").asString()).isEqualTo("rejected");
        Map<String, Object> row = jdbc.sql("SELECT status, reject_reason FROM ses_notification WHERE message_id = ?")
                .param(id).query().singleRow();
        assertThat(row.get("STATUS")).isEqualTo("rejected");
        assertThat((String) row.get("REJECT_REASON")).contains("bouncedRecipients");
        // and the intake goes on
        String next = UUID.randomUUID().toString();
        assertThat(client().sns(SnsSigner.json(signer.notification(next, SnsSigner.complaint("quejas@gmail.com",
                Instant.now()), 2))).statusCode()).isEqualTo(200);
        assertThat(LoopbackClient.json(client().post("/v1/checks", "{\"addresses\":[\"quejas@gmail.com\"]}"))
                .path("results").get(0).path("findings").get(0).path("code").asString()).isEqualTo("COMPLAINED");
    }

    @Test
    void subscriptionIsConfirmedOnlyOnAnAllowedHost() throws Exception {
        certHost.requests.clear();
        HttpResponse<String> ok = client().sns(SnsSigner.json(signer.subscriptionConfirmation(
                certHost.url("/confirm?Action=ConfirmSubscription&Token=abc"))));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(LoopbackClient.json(ok).path("outcome").asString()).isEqualTo("confirmed");
        assertThat(certHost.requests).anyMatch(p -> p.startsWith("/confirm"));

        certHost.requests.clear();
        HttpResponse<String> elsewhere = client().sns(SnsSigner.json(signer.subscriptionConfirmation(
                "https://evil.example.net/confirm")));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        HttpResponse<String> plain = client().sns(SnsSigner.json(signer.subscriptionConfirmation(
                certHost.url("/confirm").replace("https:", "http:"))));
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(certHost.requests).noneMatch(p -> p.startsWith("/confirm"));
    }

    @Test
    void hundredConcurrentNotificationsForOneAddressLoseNoCount() throws Exception {
        String address = "concurrente@gmail.com";
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            bodies.add(SnsSigner.json(signer.notification(UUID.randomUUID().toString(), SnsSigner.bounce(address,
                    "Transient", "General", "4.4.7", "smtp; 421 4.4.7 try later", Instant.now()), 2)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String b : bodies) {
                statuses.add(pool.submit(() -> client().sns(b).statusCode()));
            }
            for (Future<Integer> f : statuses) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode stored = LoopbackClient.json(client().post("/v1/suppressions/lookup",
                "{\"address\":\"" + address + "\"}"));
        assertThat(stored.path("count").asInt()).isEqualTo(100);
        assertThat(stored.path("counts").path("transient").asInt()).isEqualTo(100);
        assertThat(stored.path("reason").asString()).isEqualTo("repeated-transient-bounces");
        JsonNode health = LoopbackClient.json(client().send("GET", "/v1/sending/health?days=1", null,
                RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY));
        assertThat(health.path("transientBounces").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(health.path("state").asString()).isIn("ok", "warning", "critical");
    }

    @Test
    void liftExportAndEraseWorkByBodyAndById() throws Exception {
        String address = "borrar@hotmail.com";
        client().sns(SnsSigner.json(signer.notification(UUID.randomUUID().toString(), SnsSigner.bounce(address,
                "Permanent", "NoEmail", "5.1.1", "550 5.1.1 no such user", Instant.now()), 2)));
        HttpResponse<String> export = client().send("GET", "/v1/suppressions/export", null,
                RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("{\"address\":\"" + address + "\",\"reason\":\"MAILBOX_DOES_NOT_EXIST\",\"date\":\""
                + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE) + "\"");

        assertThat(LoopbackClient.json(client().post("/v1/suppressions/lift", "{\"address\":\"" + address + "\"}"))
                .path("lifted").asBoolean()).isTrue();
        assertThat(LoopbackClient.json(client().post("/v1/checks", "{\"addresses\":[\"" + address + "\"]}"))
                .path("results").get(0).path("verdict").asString()).isEqualTo("VALID");

        JsonNode erased = LoopbackClient.json(client().post("/v1/addresses/erase", "{\"address\":\"" + address + "\"}"));
        assertThat(erased.path("erasedRows").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(client().post("/v1/suppressions/lookup", "{\"address\":\"" + address + "\"}").statusCode())
                .isEqualTo(404);
        assertThat(client().send("DELETE", "/v1/suppressions/nonexistent", null,
                RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY).statusCode()).isEqualTo(404);
    }
}
