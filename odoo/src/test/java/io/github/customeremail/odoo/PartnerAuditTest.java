package io.github.customeremail.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Auditing live contacts end to end against the stand-in: read, classify, fix, note. */
class PartnerAuditTest {

    @Test
    void classifiesContactsAndAppliesOnlySafeRepairs() {
        try (OdooStandin odoo = OdooStandin.start("17.0", 0);
             CustomerEmailValidator validator = CustomerEmailValidator.builder().build()) {
            odoo.addPartners(List.of(
                    Map.of("name", "Bien", "email", "juan.perez@gmail.com"),
                    Map.of("name", "Mayúsculas", "email", "Juan.Perez@Gmail.com"),
                    Map.of("name", "Coma", "email", "ana@gmail,com"),
                    Map.of("name", "Typo", "email", "luis@gmial.com"),
                    Map.of("name", "Dos", "email", "a@gmail.com, b@hotmail.com"),
                    Map.of("name", "Rota", "email", "sin arroba")));
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);
            List<PartnerAudit> audits = new ArrayList<>();
            partners.readAll(0, 2, page -> page.forEach(
                    p -> audits.add(PartnerAudit.of(p, validator.checkOffline(p.email().orElse(""))))));

            assertThat(audits).extracting(PartnerAudit::action).containsExactly(PartnerAudit.Action.NONE,
                    PartnerAudit.Action.NONE, PartnerAudit.Action.FIX, PartnerAudit.Action.SUGGEST,
                    PartnerAudit.Action.REVIEW, PartnerAudit.Action.REVIEW);
            assertThat(audits.get(4).severalAddresses()).isTrue();
            assertThat(audits.get(2).normalizedDiffers()).isTrue();
            assertThat(audits.get(1).normalizedDiffers()).isFalse();

            List<WriteOutcome> written = partners.applyFixes(
                    audits.stream().flatMap(a -> a.fix().stream()).toList(), 50);
            assertThat(written).extracting(WriteOutcome::partnerId, WriteOutcome::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, WriteOutcome.Status.WRITTEN));
            PartnerAudit typo = audits.get(3);
            partners.postSuggestion(typo.partner().id(), typo.partner().email().orElseThrow(),
                    typo.check().suggestion().orElseThrow().address(), Locale.forLanguageTag("es"));

            Map<String, Object> state = odoo.state(List.of(2, 3, 4));
            assertThat(state.get("partners").toString()).contains("email=ana@gmail.com,", "Juan.Perez@Gmail.com",
                    "luis@gmial.com");
            assertThat(state.get("messages").toString()).contains("¿Quiso decir luis@gmail.com?");
        }
    }
}
