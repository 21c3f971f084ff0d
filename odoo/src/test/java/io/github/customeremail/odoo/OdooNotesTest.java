package io.github.customeremail.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Notes posted once whatever the retries, the partners an address belongs to, and the counts for progress. */
class OdooNotesTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void aNoteWhoseAnswerWasLostIsNotPostedAgain(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 3)) {
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);
            String body = "Nota de prueba " + OdooPartners.referenceLine("ce-0123456789ab", ES);
            odoo.control(Map.of("action", "faults", "lose_answers", 1));

            // Odoo posted it, but a proxy lost the answer: not repeated by the client (message_post is not
            // idempotent), the caller retries later.
            assertThatThrownBy(() -> partners.postNoteOnce(2, body, "ce-0123456789ab"))
                    .isInstanceOf(OdooTransportException.class);
            NoteOutcome retried = partners.postNoteOnce(2, body, "ce-0123456789ab");
            NoteOutcome elsewhere = partners.postNoteOnce(3, body, "ce-0123456789ab");

            assertThat(retried.status()).isEqualTo(NoteOutcome.Status.ALREADY_POSTED);
            assertThat(elsewhere.status()).isEqualTo(NoteOutcome.Status.POSTED);
            List<?> messages = (List<?>) odoo.state(List.of()).get("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.toString()).contains("res_id=2", "res_id=3", "(ref. ce-0123456789ab)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void findsThePartnersUsingAnAddressAsOdooNormalizesIt(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 2)) {
            List<Integer> ids = odoo.addPartners(List.of(Map.of("name", "A", "email", "Rebote@Ejemplo.com"),
                    Map.of("name", "B", "email", "\"Compras\" <rebote@ejemplo.com>, otra@ejemplo.com"),
                    Map.of("name", "C", "email", "otra@ejemplo.com, rebote@ejemplo.com")));
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.DRY_RUN);

            // email_normalized keeps the first address only: C is not one of them for Odoo's blacklist either.
            assertThat(partners.partnersUsing("REBOTE@ejemplo.com")).containsExactly(ids.get(0), ids.get(1));
            assertThat(partners.find(ids.get(1))).get().extracting(OdooPartner::name).isEqualTo("B");
            assertThat(partners.find(999)).isEmpty();
            assertThat(partners.countAfter(0)).isEqualTo(5);
            assertThat(partners.countAfter(2)).isEqualTo(3);
        }
    }

    @Test
    void aDryRunPostsNothing() {
        try (OdooStandin odoo = OdooStandin.start("17.0", 1)) {
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.DRY_RUN);
            assertThat(partners.postNoteOnce(1, "x (ref. ce-aaaaaaaaaaaa)", "ce-aaaaaaaaaaaa").status())
                    .isEqualTo(NoteOutcome.Status.WOULD_POST);
            assertThat((List<?>) odoo.state(List.of()).get("messages")).isEmpty();
        }
    }

    @Test
    void aReferenceMustBePlainAndInTheBody() {
        try (OdooStandin odoo = OdooStandin.start("17.0", 1)) {
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);
            assertThatThrownBy(() -> partners.postNoteOnce(1, "x <b>", "<b>"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> partners.postNoteOnce(1, "no reference", "ce-aaaaaaaaaaaa"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void feedbackNotesInThreeLanguages() {
        assertThat(OdooPartners.feedbackNote("ana@x.com", false, "3/11/2026", "smtp; 550 5.1.1 user unknown", ES))
                .startsWith("Amazon SES informó el 3/11/2026 que el correo a ana@x.com fue rechazado")
                .contains("550 5.1.1 user unknown", "lista negra");
        assertThat(OdooPartners.feedbackNote("ana@x.com", true, "11/3/2026", "", Locale.ENGLISH))
                .contains("marked one of our emails as spam on 11/3/2026", "Odoo's mail blacklist");
        assertThat(OdooPartners.feedbackNote("ana@x.com", false, "03/11/2026", " ", Locale.forLanguageTag("pt-BR")))
                .contains("caixa postal não existe", "sem detalhes");
        assertThat(OdooPartners.invalidNote("ana@x.com", "El dominio no existe.", ES))
                .isEqualTo("La dirección ana@x.com no puede recibir correo: El dominio no existe. Confírmela con el cliente.");
    }
}
