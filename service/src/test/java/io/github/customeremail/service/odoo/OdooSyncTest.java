package io.github.customeremail.service.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.odoo.OdooStandin;
import io.github.customeremail.service.FeedbackFixture;
import io.github.customeremail.service.VerificationListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hard bounces and complaints pushed into Odoo, and the webhook of Odoo's automation rules, against the Odoo
 * stand-in on loopback (Odoo 17.0 over XML-RPC). The background worker is kept idle (a one-hour poll interval):
 * each test runs its rounds itself, at the times it chooses, so nothing depends on timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.api-keys=" + OdooSyncTest.API_KEY,
        "customer-email.odoo.webhook-secret=" + OdooSyncTest.SECRET,
        "customer-email.odoo.outbox.poll-interval=1h",
        "spring.datasource.url=jdbc:h2:mem:odoo-sync;DB_CLOSE_DELAY=-1"})
class OdooSyncTest {

    static final String API_KEY = "odoo-sync-test-key-0123456789";
    static final String SECRET = "webhook-secret-0123456789abcdef";
    private static final Instant AT = Instant.parse("2026-11-03T14:00:00Z");
    private static final Duration LATER = Duration.ofHours(2);

    private static OdooStandin odoo;

    @Autowired
    ApplicationContext context;
    @Autowired
    OdooOutboxWorker worker;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void odoo(DynamicPropertyRegistry registry) {
        odoo = OdooStandin.start("17.0", 3);
        connect(registry, odoo);
    }

    /** Points the service's Odoo connection at the stand-in. */
    static void connect(DynamicPropertyRegistry registry, OdooStandin standin) {
        registry.add("customer-email.odoo.url", standin::url);
        registry.add("customer-email.odoo.database", () -> OdooStandin.DB);
        registry.add("customer-email.odoo.login", () -> OdooStandin.LOGIN);
        registry.add("customer-email.odoo.api-key", () -> OdooStandin.KEY);
    }

    @AfterAll
    static void stop() {
        odoo.close();
    }

    @BeforeEach
    void clearFaults() {
        odoo.control(Map.of("action", "faults"));
        // Work left by another test is delivered now, so each test sees only its own.
        worker.runOnce(Instant.now().plus(Duration.ofDays(1)));
    }

    @Test
    void aHardBounceBlacklistsTheAddressAndNotesItsPartnersOnceDespiteALostAnswer() {
        List<Integer> users = odoo.addPartners(List.of(Map.of("name", "Compras", "email", "Rebota@Cliente-Uno.com"),
                Map.of("name", "Pagos", "email", "rebota@cliente-uno.com")));
        String id = FeedbackFixture.newId();
        String bounce = FeedbackFixture.hardBounce("rebota@cliente-uno.com",
                "smtp; 550 5.1.1 <rebota@cliente-uno.com>: Recipient address rejected: User unknown", AT);

        assertThat(FeedbackFixture.accept(context, id, bounce)).isEqualTo("STORED");
        assertThat(FeedbackFixture.accept(context, id, bounce)).isEqualTo("DUPLICATE");
        assertThat(pending()).isEqualTo(1);
        Instant now = Instant.now();

        // Odoo posts the first note but the answer is lost on the way back: the delivery fails and waits.
        odoo.control(Map.of("action", "faults", "lose_answers", 1));
        assertThat(worker.runOnce(now).failed()).isEqualTo(1);
        assertThat(worker.runOnce(now).delivered()).as("not due before its backoff").isZero();
        assertThat(worker.runOnce(now.plus(LATER)).delivered()).isEqualTo(1);
        assertThat(worker.runOnce(now.plus(LATER).plus(LATER)).delivered()).as("delivered once").isZero();

        Map<String, Object> state = odoo.state(users);
        List<?> notes = notesOn(state, users);
        assertThat(notes).hasSize(2);
        assertThat(notes.toString()).contains("Amazon SES informó el 3/11/2026", "rebota@cliente-uno.com",
                "550 5.1.1", "lista negra", "(ref. ce-");
        assertThat(state.get("blacklist").toString()).contains("email=rebota@cliente-uno.com", "active=true");
        assertThat(state.get("partners").toString()).contains("is_blacklisted=true").doesNotContain(
                "is_blacklisted=false");
        assertThat(outcome()).contains("blacklist ALREADY_BLACKLISTED", users.get(0) + " ALREADY_POSTED",
                users.get(1) + " POSTED");
    }

    @Test
    void aCustomersConfirmationIsPostedOnThePartnersUsingTheAddressOnce() {
        List<Integer> users = odoo.addPartners(List.of(Map.of("name", "Confirma", "email", "Confirma@Cliente-Seis.com")));
        Instant verifiedAt = Instant.parse("2026-11-05T15:30:00Z");
        // As the verification service does after storing a confirmation: every listener bean is told.
        Map<String, VerificationListener> listeners = context.getBeansOfType(VerificationListener.class);
        assertThat(listeners.values()).hasAtLeastOneElementOfType(OdooVerificationListener.class);
        int before = total();
        listeners.values().forEach(l -> l.verified("confirma@cliente-seis.com", verifiedAt, "maria"));
        listeners.values().forEach(l -> l.verified("confirma@cliente-seis.com", verifiedAt, "maria"));
        assertThat(total()).as("the same confirmation is queued once").isEqualTo(before + 1);

        assertThat(worker.runOnce(Instant.now()).delivered()).isEqualTo(1);

        List<?> notes = notesOn(odoo.state(users), users);
        assertThat(notes).hasSize(1);
        assertThat(notes.toString()).contains("El cliente confirmó la dirección confirma@cliente-seis.com el 5/11/2026 "
                + "15:30 UTC", "registrado por maria", "(ref. ce-");
        assertThat(outcome()).isEqualTo("notes: " + users.get(0) + " POSTED");
    }

    @Test
    void aComplaintReactivatesAnArchivedBlacklistEntry() {
        List<Integer> users = odoo.addPartners(List.of(Map.of("name", "Queja", "email", "queja@cliente-dos.com")));
        String first = FeedbackFixture.newId();
        FeedbackFixture.accept(context, first, FeedbackFixture.complaint("queja@cliente-dos.com", AT));
        worker.runOnce(Instant.now());
        odoo.control(Map.of("action", "archive_blacklist", "email", "queja@cliente-dos.com"));
        // Lifted in the service and complained about again: a new suppression, a new delivery.
        jdbc.sql("UPDATE address_feedback SET reason = NULL WHERE address_key = 'queja@cliente-dos.com'").update();
        FeedbackFixture.accept(context, FeedbackFixture.newId(),
                FeedbackFixture.complaint("queja@cliente-dos.com", AT.plusSeconds(60)));

        assertThat(worker.runOnce(Instant.now()).delivered()).isEqualTo(1);

        assertThat(outcome()).startsWith("blacklist REACTIVATED");
        List<?> notes = notesOn(odoo.state(users), users);
        assertThat(notes).hasSize(2);
        assertThat(notes.toString()).contains("marcó como spam un correo nuestro el 3/11/2026");
    }

    @Test
    void liftingASuppressionArchivesTheBlacklistEntryInOdooThroughTheOutbox() throws Exception {
        List<Integer> users = odoo.addPartners(List.of(Map.of("name", "Vuelve", "email", "vuelve@cliente-siete.com")));
        FeedbackFixture.accept(context, FeedbackFixture.newId(),
                FeedbackFixture.hardBounce("vuelve@cliente-siete.com", "smtp; 550 5.1.1 no such user", AT));
        assertThat(worker.runOnce(Instant.now()).delivered()).isEqualTo(1);
        assertThat(odoo.state(users).get("partners").toString()).contains("is_blacklisted=true");

        // Odoo is down when the clerk lifts the suppression: the lift stands, the work waits in the outbox.
        odoo.control(Map.of("action", "faults", "gateway_errors", 1_000_000));
        assertThat(lift("vuelve@cliente-siete.com").body()).contains("\"lifted\":true");
        assertThat(lift("vuelve@cliente-siete.com").body()).as("nothing left to lift: nothing queued")
                .contains("\"lifted\":false");
        assertThat(pending()).isEqualTo(1);
        Instant now = Instant.now();
        assertThat(worker.runOnce(now).failed()).isEqualTo(1);

        odoo.control(Map.of("action", "faults"));
        assertThat(worker.runOnce(now.plus(LATER)).delivered()).isEqualTo(1);
        assertThat(outcome()).isEqualTo("unblacklist ARCHIVED");
        Map<String, Object> state = odoo.state(users);
        assertThat(state.get("partners").toString()).contains("is_blacklisted=false");
        assertThat(state.get("blacklist").toString()).as("archived, as Odoo's own unblacklist does")
                .contains("email=vuelve@cliente-siete.com", "active=false");
        assertThat(pending()).isZero();
    }

    @Test
    void aBounceNotYetDeliveredWhenItsSuppressionIsLiftedIsNotDelivered() throws Exception {
        List<Integer> users = odoo.addPartners(List.of(Map.of("name", "Pronto", "email", "pronto@cliente-ocho.com")));
        FeedbackFixture.accept(context, FeedbackFixture.newId(),
                FeedbackFixture.hardBounce("pronto@cliente-ocho.com", "smtp; 550 5.1.1 no such user", AT));
        assertThat(lift("pronto@cliente-ocho.com").statusCode()).isEqualTo(200);

        assertThat(worker.runOnce(Instant.now()).delivered()).isEqualTo(1);

        assertThat(outcome()).isEqualTo("unblacklist NOT_BLACKLISTED");
        assertThat(odoo.state(users).get("partners").toString()).contains("is_blacklisted=false");
        assertThat(notesOn(odoo.state(users), users)).isEmpty();
    }

    private HttpResponse<String> lift(String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/suppressions/lift"))
                        .header("Content-Type", "application/json").header("X-Api-Key", API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"" + address + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void temporaryBouncesAndUndeliverableKindsQueueNothing() {
        int before = total();
        FeedbackFixture.accept(context, FeedbackFixture.newId(),
                FeedbackFixture.transientBounce("lleno@cliente-tres.com", AT));
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void whileOdooIsDownIntakeGoesOnAndNothingIsLost() {
        List<Integer> users = odoo.addPartners(List.of(Map.of("name", "Uno", "email", "caido1@cliente-cuatro.com"),
                Map.of("name", "Dos", "email", "caido2@cliente-cuatro.com")));
        odoo.control(Map.of("action", "faults", "gateway_errors", 1_000_000));
        worker.runOnce(Instant.now()); // the connection is made again after a failure

        for (String address : List.of("caido1@cliente-cuatro.com", "caido2@cliente-cuatro.com")) {
            assertThat(FeedbackFixture.accept(context, FeedbackFixture.newId(),
                    FeedbackFixture.hardBounce(address, "smtp; 550 5.1.1 unknown user", AT))).isEqualTo("STORED");
        }
        Instant now = Instant.now();
        OdooOutboxWorker.Round down = worker.runOnce(now);
        assertThat(down.failed()).isEqualTo(1);
        assertThat(down.released()).as("the round stops at the first unanswered call").isEqualTo(1);
        assertThat(pending()).isEqualTo(2);
        assertThat(status().get("lastError").toString()).contains("OdooTransportException");

        odoo.control(Map.of("action", "faults"));
        assertThat(worker.runOnce(now.plus(LATER)).delivered()).isEqualTo(2);
        assertThat(pending()).isZero();
        assertThat(notesOn(odoo.state(users), users)).hasSize(2);
    }

    @Test
    void theWebhookChecksInTheBackgroundAndNotesOnlyWhatIsWrong() throws Exception {
        List<Integer> ids = odoo.addPartners(List.of(Map.of("name", "Typo", "email", "juan@gmial.com"),
                Map.of("name", "Bien", "email", "ana@gmail.com"),
                Map.of("name", "Roto", "email", "pedro@@gmail.com"),
                Map.of("name", "Cambiado", "email", "luis@hotmial.com")));
        for (int i = 0; i < ids.size(); i++) {
            HttpResponse<String> r = webhook("/odoo/webhook/" + SECRET, odooCall(ids.get(i),
                    List.of("juan@gmial.com", "ana@gmail.com", "pedro@@gmail.com", "luis@hotmial.com").get(i)));
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(r.body()).contains("\"queued\"");
        }
        // Odoo runs the rule again on the next edit of the contact: the same address is not checked twice.
        HttpResponse<String> again = webhook("/odoo/webhook", odooCall(ids.get(0), "juan@gmial.com"),
                OdooWebhookController.SECRET_HEADER, SECRET);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("already-queued");
        odoo.control(Map.of("action", "edit", "id", ids.get(3), "values", Map.of("email", "luis@hotmail.com")));

        assertThat(worker.runOnce(Instant.now()).delivered()).isEqualTo(4);

        List<?> notes = notesOn(odoo.state(ids), ids);
        assertThat(notes).hasSize(2);
        assertThat(notes.toString()).contains("res_id=" + ids.get(0), "¿Quiso decir juan@gmail.com?",
                "res_id=" + ids.get(2), "La dirección pedro@@gmail.com no puede recibir correo")
                .doesNotContain("res_id=" + ids.get(1) + ",", "res_id=" + ids.get(3) + ",");
        assertThat(odoo.state(ids).get("partners").toString()).as("a note changes no address")
                .contains("juan@gmial.com", "pedro@@gmail.com");
    }

    @Test
    void theWebhookRefusesAWrongSecretAndSaysWhatTheRuleLacks() throws Exception {
        int before = total();
        assertThat(webhook("/odoo/webhook/" + SECRET.replace('0', '1'), odooCall(1, "x@gmial.com")).statusCode())
                .isEqualTo(403);
        assertThat(webhook("/odoo/webhook", odooCall(1, "x@gmial.com")).statusCode()).isEqualTo(403);
        assertThat(webhook("/odoo/webhook/" + SECRET, "{\"_id\": 1, \"_model\": \"res.partner\"}").body())
                .contains("no-email");
        assertThat(webhook("/odoo/webhook/" + SECRET, "{\"_id\": 1, \"_model\": \"sale.order\", \"email\": \"a@b.co\"}")
                .statusCode()).isEqualTo(422);
        assertThat(webhook("/odoo/webhook/" + SECRET, "[1]").statusCode()).isEqualTo(400);
        assertThat(webhook("/odoo/webhook/" + SECRET, "{\"_id\": 1, \"_model\": \"res.partner\", \"email\": false}")
                .body()).contains("nothing-to-check");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void erasingAnAddressErasesItsQueuedWork() throws Exception {
        odoo.control(Map.of("action", "faults", "gateway_errors", 1_000_000));
        FeedbackFixture.accept(context, FeedbackFixture.newId(),
                FeedbackFixture.hardBounce("borrar@cliente-cinco.com", "smtp; 550 5.1.1 no such user", AT));
        assertThat(pending()).isEqualTo(1);
        HttpResponse<String> erased = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/addresses/erase"))
                .header("Content-Type", "application/json").header("X-Api-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"borrar@cliente-cinco.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(pending()).isZero();
    }

    /** Odoo's webhook body: {@code _action}, {@code _id}, {@code _model}, then the fields read, keys sorted. */
    static String odooCall(int id, String email) {
        return "{\"_action\": \"Revisar correo(#7)\", \"_id\": " + id + ", \"_model\": \"res.partner\", \"email\": \""
                + email + "\", \"id\": " + id + "}";
    }

    private HttpResponse<String> webhook(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<?> notesOn(Map<String, Object> state, List<Integer> partners) {
        return ((List<?>) state.get("messages")).stream()
                .filter(m -> m instanceof Map<?, ?> map && partners.contains(map.get("res_id"))).toList();
    }

    private Map<String, Object> status() {
        return context.getBean(OdooOutbox.class).status();
    }

    private long pending() {
        return (Long) status().get("pending");
    }

    private int total() {
        return jdbc.sql("SELECT COUNT(*) FROM odoo_outbox").query(Integer.class).single();
    }

    private String outcome() {
        return jdbc.sql("SELECT outcome FROM odoo_outbox WHERE done_at IS NOT NULL ORDER BY id DESC "
                + "LIMIT 1").query(String.class).single();
    }
}
