package io.github.customeremail.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit's operations on res.partner and mail.blacklist against the stand-in, over XML-RPC and JSON-2. */
class OdooPartnersTest {

    private static final int MANY = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void pagesThroughTenThousandPartnersAndWritesFixes(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, MANY)) {
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);
            List<OdooPartner> seen = new ArrayList<>();
            long start = System.nanoTime();
            long read = partners.readAll(0, 500, seen::addAll);
            double readSeconds = (System.nanoTime() - start) / 1e9;

            assertThat(read).isEqualTo(MANY);
            assertThat(seen).extracting(OdooPartner::id).doesNotHaveDuplicates().isSorted().hasSize(MANY);
            OdooPartner first = seen.get(0);
            assertThat(first.email()).contains("cliente00001@ejemplo.com");
            assertThat(first.emailNormalized()).contains("cliente00001@ejemplo.com");
            assertThat(first.companyName()).contains("Tu Matera S.A.");
            assertThat(first.blacklisted()).isFalse();

            List<AddressFix> fixes = seen.subList(0, 1000).stream()
                    .map(p -> AddressFix.of(p, "fixed" + p.id() + "@example.com")).toList();
            start = System.nanoTime();
            List<WriteOutcome> outcomes = partners.applyFixes(fixes, 100);
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(outcomes).extracting(WriteOutcome::status).containsOnly(WriteOutcome.Status.WRITTEN);
            assertThat(odoo.state(List.of(1000)).get("partners").toString()).contains("fixed1000@example.com");
            System.out.printf(Locale.ROOT, "Odoo %s stand-in: read %d partners at %.0f partners/s, wrote %d at %.0f"
                            + " partners/s%n", version, read, read / readSeconds, fixes.size(),
                    fixes.size() / writeSeconds);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void aPartnerEditedAfterTheReadIsSkippedAndReported(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 5)) {
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);
            List<OdooPartner> page = partners.page(0, 5);
            odoo.control(Map.of("action", "edit", "id", 2, "values", Map.of("name", "Editado por Ana")));
            odoo.control(Map.of("action", "edit", "id", 4, "values", Map.of("email", "ana@cliente.com")));

            List<WriteOutcome> outcomes = partners.applyFixes(
                    page.stream().map(p -> AddressFix.of(p, "nuevo" + p.id() + "@example.com")).toList(), 10);

            assertThat(outcomes).extracting(WriteOutcome::partnerId, WriteOutcome::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, WriteOutcome.Status.WRITTEN),
                    org.assertj.core.groups.Tuple.tuple(2, WriteOutcome.Status.SKIPPED_CHANGED),
                    org.assertj.core.groups.Tuple.tuple(3, WriteOutcome.Status.WRITTEN),
                    org.assertj.core.groups.Tuple.tuple(4, WriteOutcome.Status.SKIPPED_CHANGED),
                    org.assertj.core.groups.Tuple.tuple(5, WriteOutcome.Status.WRITTEN));
            assertThat(outcomes.get(1).detail()).contains("after the audit read it");
            String state = odoo.state(List.of(2, 4)).get("partners").toString();
            assertThat(state).contains("cliente00002@ejemplo.com", "Editado por Ana", "ana@cliente.com")
                    .doesNotContain("nuevo2@", "nuevo4@");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void anAccessErrorOnOnePartnerOfABatchLandsTheOthers(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 0)) {
            // Three contacts of one customer typed the same wrong address: one write call for the three.
            List<Integer> ids = odoo.addPartners(List.of(
                    Map.of("name", "Compras", "email", "facturas@empresa,com"),
                    Map.of("name", "Ventas", "email", "facturas@empresa,com"),
                    Map.of("name", "Gerencia", "email", "facturas@empresa,com"),
                    Map.of("name", "Otro", "email", "otro@gmial.com")));
            odoo.control(Map.of("action", "forbid", "ids", List.of(ids.get(1), ids.get(3))));
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);
            List<OdooPartner> page = partners.page(0, 10);
            List<AddressFix> fixes = List.of(AddressFix.of(page.get(0), "facturas@empresa.com"),
                    AddressFix.of(page.get(1), "facturas@empresa.com"),
                    AddressFix.of(page.get(2), "facturas@empresa.com"),
                    AddressFix.of(page.get(3), "otro@gmail.com"));

            List<WriteOutcome> outcomes = partners.applyFixes(fixes, 50);

            assertThat(outcomes).extracting(WriteOutcome::status).containsExactly(WriteOutcome.Status.WRITTEN,
                    WriteOutcome.Status.FAILED, WriteOutcome.Status.WRITTEN, WriteOutcome.Status.FAILED);
            assertThat(outcomes.get(1).detail()).contains("AccessError");
            Map<String, Object> state = odoo.state(ids);
            assertThat(state.get("partners").toString()).contains("facturas@empresa,com", "otro@gmial.com");
            assertThat(((List<?>) state.get("partners")).stream().filter(p -> p.toString()
                    .contains("email=facturas@empresa.com,")).count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void aDryRunWritesNothing(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 20)) {
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.DRY_RUN);
            List<OdooPartner> page = partners.page(0, 20);
            int before = ((Number) odoo.state(List.of()).get("write_calls")).intValue();

            List<WriteOutcome> outcomes = partners.applyFixes(
                    page.stream().map(p -> AddressFix.of(p, "x" + p.id() + "@example.com")).toList(), 7);
            int note = partners.postSuggestion(1, "ana@gmial.com", "ana@gmail.com", Locale.forLanguageTag("es"));
            BlacklistOutcome blacklisted = partners.blacklist("Rebote@Example.com");

            assertThat(outcomes).hasSize(20).extracting(WriteOutcome::status)
                    .containsOnly(WriteOutcome.Status.WOULD_WRITE);
            assertThat(note).isZero();
            assertThat(blacklisted.status()).isEqualTo(BlacklistOutcome.Status.WOULD_CREATE);
            Map<String, Object> state = odoo.state(List.of(1));
            assertThat(((Number) state.get("write_calls")).intValue()).isEqualTo(before);
            assertThat((List<?>) state.get("messages")).isEmpty();
            assertThat((List<?>) state.get("blacklist")).isEmpty();
            assertThat(state.get("partners").toString()).contains("cliente00001@ejemplo.com");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void postsASuggestionNoteWithoutChangingTheAddress(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 3)) {
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);
            int id = partners.postSuggestion(2, "ana@gmial.com", "ana@gmail.com", Locale.forLanguageTag("es-CO"));

            assertThat(id).isPositive();
            Map<String, Object> state = odoo.state(List.of(2));
            assertThat(state.get("messages").toString()).contains("res_id=2")
                    .contains("¿Quiso decir ana@gmail.com? La dirección guardada es ana@gmial.com.")
                    .contains("subtype_xmlid=mail.mt_note", "message_type=comment");
            assertThat(state.get("partners").toString()).contains("cliente00002@ejemplo.com");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void blacklistsCreatingOrReactivating(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 0)) {
            List<Integer> ids = odoo.addPartners(List.of(Map.of("name", "Rebota", "email", "Rebote@Example.com")));
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);

            BlacklistOutcome created = partners.blacklist("Rebote@Example.com");
            assertThat(created.status()).isEqualTo(BlacklistOutcome.Status.CREATED);
            assertThat(created.address()).isEqualTo("rebote@example.com");
            assertThat(partners.page(0, 1).get(0).blacklisted()).isTrue();
            assertThat(partners.blacklist("rebote@example.com").status())
                    .isEqualTo(BlacklistOutcome.Status.ALREADY_BLACKLISTED);

            odoo.control(Map.of("action", "archive_blacklist", "email", "rebote@example.com"));
            assertThat(partners.page(0, 1).get(0).blacklisted()).isFalse();
            BlacklistOutcome reactivated = partners.blacklist("REBOTE@example.com");
            assertThat(reactivated.status()).isEqualTo(BlacklistOutcome.Status.REACTIVATED);
            assertThat(reactivated.blacklistId()).isEqualTo(created.blacklistId());
            assertThat(partners.page(0, 1).get(0).blacklisted()).isTrue();
            assertThat((List<?>) odoo.state(ids).get("blacklist")).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void unblacklistingArchivesTheActiveEntryOnce(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 0)) {
            List<Integer> ids = odoo.addPartners(List.of(Map.of("name", "Vuelve", "email", "Vuelve@Example.com")));
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.APPLY);
            assertThat(partners.unblacklist("vuelve@example.com").status())
                    .as("never blacklisted: nothing created").isEqualTo(BlacklistOutcome.Status.NOT_BLACKLISTED);
            assertThat((List<?>) odoo.state(ids).get("blacklist")).isEmpty();
            BlacklistOutcome created = partners.blacklist("vuelve@example.com");

            BlacklistOutcome wouldArchive = new OdooPartners(odoo.connect(), OdooPartners.Mode.DRY_RUN)
                    .unblacklist("Vuelve@Example.com");
            assertThat(wouldArchive.status()).isEqualTo(BlacklistOutcome.Status.WOULD_ARCHIVE);
            assertThat(partners.page(0, 1).get(0).blacklisted()).as("a dry run writes nothing").isTrue();

            BlacklistOutcome archived = partners.unblacklist("VUELVE@example.com");
            assertThat(archived.status()).isEqualTo(BlacklistOutcome.Status.ARCHIVED);
            assertThat(archived.blacklistId()).isEqualTo(created.blacklistId());
            assertThat(partners.page(0, 1).get(0).blacklisted()).isFalse();
            assertThat(partners.unblacklist("vuelve@example.com").status())
                    .isEqualTo(BlacklistOutcome.Status.NOT_BLACKLISTED);
            assertThat(odoo.state(ids).get("blacklist").toString()).as("archived, not deleted")
                    .contains("email=vuelve@example.com", "active=false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void aRerunAfterATimeoutWritesNothingTwice(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 6)) {
            OdooClient client = OdooClient.connect(odoo.settings()
                    .requestTimeout(java.time.Duration.ofSeconds(3)).maxAttempts(1).build());
            OdooPartners partners = new OdooPartners(client, OdooPartners.Mode.APPLY);
            List<OdooPartner> page = partners.page(0, 6);
            List<AddressFix> fixes = page.stream().map(p -> AddressFix.of(p, "ok" + p.id() + "@example.com")).toList();
            partners.applyFixes(fixes.subList(0, 3), 3);
            odoo.control(Map.of("action", "faults", "delay", 120));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> partners.applyFixes(fixes.subList(3, 6), 3))
                    .isInstanceOf(OdooTransportException.class).hasMessageContaining("did not answer in time");
            odoo.control(Map.of("action", "faults"));
            int writesBefore = ((Number) odoo.state(List.of()).get("write_calls")).intValue();

            List<WriteOutcome> rerun = partners.applyFixes(fixes, 3);

            assertThat(rerun).extracting(WriteOutcome::status).containsExactly(
                    WriteOutcome.Status.ALREADY_WRITTEN, WriteOutcome.Status.ALREADY_WRITTEN,
                    WriteOutcome.Status.ALREADY_WRITTEN, WriteOutcome.Status.WRITTEN, WriteOutcome.Status.WRITTEN,
                    WriteOutcome.Status.WRITTEN);
            assertThat(((Number) odoo.state(List.of()).get("write_calls")).intValue() - writesBefore).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void readsTheExternalIdsAFixesFileNeeds(String version) {
        try (OdooStandin odoo = OdooStandin.start(version, 4)) {
            OdooPartners partners = new OdooPartners(odoo.connect(), OdooPartners.Mode.DRY_RUN);
            assertThat(partners.externalIds(List.of(1, 2, 3, 4)))
                    .containsExactly(Map.entry(1, "__import__.cliente_00001"), Map.entry(3, "__import__.cliente_00003"));
        }
    }
}
