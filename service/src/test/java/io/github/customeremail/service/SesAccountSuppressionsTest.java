package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SES's account-level suppression list, against a loopback SESv2 stand-in ({@link LoopbackSes}): lifting a
 * suppression also lifts it there (DeleteSuppressedDestination: listed, not listed, failing), and the list is imported
 * page by page (ListSuppressedDestinations with NextToken), surviving a failing page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "customer-email.service.ses.enabled=true",
        "customer-email.service.ses.region=us-east-1",
        "spring.datasource.url=jdbc:h2:mem:ses-lift;DB_CLOSE_DELAY=-1"})
class SesAccountSuppressionsTest {

    private static final Instant NOV_3 = Instant.parse("2026-11-03T15:00:00Z");
    private static final LoopbackSes SES = start();

    @LocalServerPort
    int port;
    @Autowired
    FeedbackIntake intake;

    private static LoopbackSes start() {
        try {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            return new LoopbackSes(2);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("customer-email.service.ses.endpoint", SES::endpoint);
    }

    @AfterAll
    static void stop() {
        SES.close();
    }

    private void bounce(String address) {
        intake.acceptEnvelopeOrBare(SnsSigner.bounce(address, "Permanent", "NoEmail", "5.1.1", "550 5.1.1",
                NOV_3), "n-" + address, "test");
    }

    private JsonNode lift(String address) throws Exception {
        bounce(address);
        return LoopbackClient.json(new LoopbackClient(port).post("/v1/suppressions/lift",
                "{\"address\":\"" + address + "\"}"));
    }

    @Test
    void aLiftIsSentToSesAndItsAnswerReported() throws Exception {
        SES.listed.add(new LoopbackSes.Entry("listado@gmail.com", "BOUNCE", NOV_3));
        JsonNode listed = lift("listado@gmail.com");
        assertThat(listed.path("lifted").asBoolean()).isTrue();
        assertThat(listed.path("ses").asString()).isEqualTo("lifted");
        assertThat(SES.listed).extracting(LoopbackSes.Entry::address).doesNotContain("listado@gmail.com");
        assertThat(lift("nolistado@gmail.com").path("ses").asString()).isEqualTo("not-listed");
        JsonNode failing = lift("falla@gmail.com");
        assertThat(failing.path("ses").asString()).isEqualTo("failed");
        assertThat(failing.path("lifted").asBoolean()).as("the local lift stands").isTrue();
        assertThat(SES.requests).contains("DELETE /v2/email/suppression/addresses/listado%40gmail.com",
                "DELETE /v2/email/suppression/addresses/nolistado%40gmail.com");
    }

    @Test
    void theSesListIsImportedPageByPageAndAgainAfterAFailingPage() throws Exception {
        LoopbackClient client = new LoopbackClient(port);
        bounce("localmente@gmail.com"); // suppressed here first: its own evidence is kept
        bounce("levantado@gmail.com");
        client.post("/v1/suppressions/lift", "{\"address\":\"levantado@gmail.com\"}"); // lifted after SES listed it
        SES.listed.clear();
        SES.requests.clear();
        SES.listed.addAll(List.of(
                new LoopbackSes.Entry("rebote.ses@gmail.com", "BOUNCE", NOV_3),
                new LoopbackSes.Entry("Queja.SES@Hotmail.com", "COMPLAINT", NOV_3),
                new LoopbackSes.Entry("localmente@gmail.com", "BOUNCE", NOV_3),
                new LoopbackSes.Entry("levantado@gmail.com", "BOUNCE", NOV_3),
                new LoopbackSes.Entry("tarde@yahoo.com", "BOUNCE", NOV_3)));

        SES.failListFrom = 1; // the second page fails, retries included
        HttpResponse<String> failed = client.post("/v1/suppressions/import-ses", "");
        assertThat(failed.statusCode()).isEqualTo(502);
        JsonNode partial = LoopbackClient.json(failed);
        assertThat(partial.path("complete").asBoolean()).isFalse();
        assertThat(partial.path("pages").asInt()).isEqualTo(1);
        assertThat(partial.path("suppressed").asInt()).as("the first page is kept").isEqualTo(2);

        SES.failListFrom = -1;
        SES.requests.clear();
        JsonNode done = LoopbackClient.json(client.post("/v1/suppressions/import-ses", ""));
        assertThat(done.path("complete").asBoolean()).isTrue();
        assertThat(done.path("pages").asInt()).isEqualTo(3);
        assertThat(done.path("listed").asInt()).isEqualTo(5);
        assertThat(done.path("suppressed").asInt()).as("only tarde@yahoo.com is new").isEqualTo(1);
        assertThat(SES.requests).containsExactly("GET /v2/email/suppression/addresses",
                "GET /v2/email/suppression/addresses?NextToken=tok-2",
                "GET /v2/email/suppression/addresses?NextToken=tok-4");

        JsonNode results = LoopbackClient.json(client.post("/v1/checks", "{\"addresses\":[\"rebote.ses@gmail.com\","
                + "\"queja.ses@hotmail.com\",\"localmente@gmail.com\",\"levantado@gmail.com\",\"tarde@yahoo.com\"]}"))
                .path("results");
        assertThat(results.get(0).path("findings").get(0).path("message").asString()).isEqualTo(
                "El correo a esta dirección fue rechazado el 3/11/2026: un rechazo definitivo, por el que el servicio "
                        + "de envío dejó de enviarle correo");
        assertThat(results.get(1).path("findings").get(0).path("code").asString()).isEqualTo("COMPLAINED");
        assertThat(results.get(2).path("findings").get(0).path("message").asString()).contains("la cuenta no existe");
        assertThat(results.get(3).path("verdict").asString()).as("the clerk's lift stands").isEqualTo("VALID");
        assertThat(results.get(4).path("verdict").asString()).isEqualTo("INVALID");
        JsonNode lookup = LoopbackClient.json(client.post("/v1/suppressions/lookup",
                "{\"address\":\"rebote.ses@gmail.com\"}"));
        assertThat(lookup.path("reason").asString()).isEqualTo("permanent-bounce");
        assertThat(lookup.path("diagnostic").asString()).isEqualTo("Amazon SES account-level suppression list (BOUNCE)");

        assertThat(LoopbackClient.json(client.post("/v1/suppressions/import-ses", "")).path("suppressed").asInt())
                .as("again: nothing new").isZero();
        assertThat(new LoopbackClient(port).send("POST", "/v1/suppressions/import-ses", "").statusCode())
                .as("an API key is required").isEqualTo(401);
    }
}
