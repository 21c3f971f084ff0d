package io.github.customeremail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.odoo.OdooStandin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code odoo audit} against the Odoo stand-in: dry run, --apply, resuming from the state file, the API key. */
class OdooAuditCommandTest {

    @TempDir
    Path dir;

    private CliRun.Run run(String apiKey, String... args) {
        CommandLine cli = Main.commandLine();
        OdooAuditCommand audit = cli.getSubcommands().get("odoo").getSubcommands().get("audit").getCommand();
        audit.environment = name -> "ODOO_API_KEY".equals(name) ? apiKey : null;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new CliRun.Run(cli.execute(args), out.toString(), err.toString());
    }

    private String[] args(OdooStandin odoo, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("odoo", "audit", "--url", odoo.url(), "--db",
                OdooStandin.DB, "--user", OdooStandin.LOGIN, "--dns", "off", "--out", dir.resolve("run").toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private List<String> lines(String suffix) throws IOException {
        return Files.readAllLines(dir.resolve("run" + suffix), StandardCharsets.UTF_8);
    }

    @Test
    void dryRunThenApplyThenResume() throws IOException {
        try (OdooStandin odoo = OdooStandin.start("17.0", 3)) {
            odoo.control(Map.of("action", "edit", "id", 1, "values", Map.of("email", "ana@gmail,com")));
            odoo.addPartners(List.of(Map.of("name", "Luis", "email", "luis@gmial.com"),
                    Map.of("name", "Juan", "email", "juan@hotmail,com")));

            CliRun.Run dry = run(OdooStandin.KEY, args(odoo));
            assertThat(dry.status()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("contactos: 2 bien, 2 por corregir, 1 por confirmar con el cliente",
                    "simulación: no se escribió nada en Odoo");
            assertThat(lines(".checked.csv")).hasSize(6);
            assertThat(lines(".fixes.csv")).containsExactly("id,.id,email",
                    "__import__.cliente_00001,,ana@gmail.com", ",5,juan@hotmail.com");
            assertThat(((Number) odoo.state(List.of()).get("write_calls")).intValue()).isZero();
            assertThat((List<?>) odoo.state(List.of()).get("messages")).isEmpty();
            assertThat(dir.resolve("run.state")).doesNotExist();

            CliRun.Run applied = run(OdooStandin.KEY, args(odoo, "--apply", "--lang", "en"));
            assertThat(applied.status()).as(applied.err()).isZero();
            assertThat(applied.out()).contains("written to Odoo: 2 fixed, 0 skipped", "1 notes posted");
            assertThat(odoo.state(List.of(1, 5)).get("partners").toString())
                    .contains("email=ana@gmail.com,", "email=juan@hotmail.com,");
            assertThat(odoo.state(List.of()).get("messages").toString())
                    .contains("Did you mean luis@gmail.com?");

            // What a run stopped after contact 3 leaves: the state file and the outputs under their .partial names.
            Files.copy(dir.resolve("run.checked.csv"), dir.resolve("run.checked.csv.partial"));
            Files.copy(dir.resolve("run.fixes.csv"), dir.resolve("run.fixes.csv.partial"));
            Files.writeString(dir.resolve("run.state"), "last_partner_id=3\n");
            CliRun.Run resumed = run(OdooStandin.KEY, args(odoo, "--lang", "en"));
            assertThat(resumed.status()).as(resumed.err()).isZero();
            assertThat(resumed.err()).contains("continuing the audit recorded in").contains("after contact 3");
            assertThat(resumed.out()).contains("contacts: 1 fine, 0 to fix, 1 to confirm");
            assertThat(lines(".checked.csv")).hasSize(6 + 2).filteredOn(l -> l.startsWith("id,")).hasSize(1);
        }
    }

    @Test
    void jsonSummaryHasTheAuditsFiguresAndOdoos() throws IOException {
        try (OdooStandin odoo = OdooStandin.start("19.0", 2)) {
            odoo.addPartners(List.of(Map.of("name", "Luis", "email", "luis@gmial.com"),
                    Map.of("name", "Varias", "email", "a@gmail.com, b@gmail.com"),
                    Map.of("name", "=HYPERLINK(\"http://x\")", "email", "juan@hotmail,com")));

            CliRun.Run run = run(OdooStandin.KEY, args(odoo, "--format", "json", "--progress", "always"));

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out().strip()).startsWith("{\"file\":").endsWith("}}")
                    .contains("\"rows\":5", "\"with_email\":5", "\"SUGGEST\":1", "\"fixes_safe\":1",
                            "\"typo_domains\":[{\"typed\":\"gmial.com\",\"suggested\":\"gmail.com\",\"count\":1}]",
                            "\"odoo\":{", "\"protocol\":\"JSON_2\"", "\"apply\":false", "\"several_addresses\":1",
                            "\"actions\":{\"NONE\":2,\"FIX\":1,\"SUGGEST\":1,\"REVIEW\":1}",
                            "\"writes\":{\"WOULD_WRITE\":1}");
            assertThat(lines(".checked.csv")).anyMatch(l -> l.contains("'=HYPERLINK"));
            assertThat(dir.resolve("run.checked.csv.partial")).doesNotExist();
        }
    }

    @Test
    void blacklistsTheSuppressionListsHardBouncesAndComplaints() throws IOException {
        try (OdooStandin odoo = OdooStandin.start("17.0", 1)) {
            odoo.addPartners(List.of(Map.of("name", "Rebota", "email", "rebota@cliente.com")));
            Path list = Files.writeString(dir.resolve("suppressions.jsonl"), String.join("\n",
                    "{\"address\":\"rebota@cliente.com\",\"reason\":\"MAILBOX_DOES_NOT_EXIST\",\"date\":\"2026-11-03\","
                            + "\"diagnostic\":\"smtp; 550 5.1.1 user unknown\"}",
                    "{\"address\":\"queja@cliente.com\",\"reason\":\"COMPLAINT\",\"date\":\"2026-11-04\",\"diagnostic\":\"\"}",
                    "{\"address\":\"lleno@cliente.com\",\"reason\":\"REPEATED_TRANSIENT_BOUNCES\",\"date\":\"2026-11-05\","
                            + "\"diagnostic\":\"452 4.2.2\"}", ""));

            CliRun.Run dry = run(OdooStandin.KEY, args(odoo, "--suppression-list", list.toString(), "--lang", "en"));
            assertThat(dry.status()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("Odoo's mail blacklist", "2 added, 0 re-activated, 0 already there");
            assertThat((List<?>) odoo.state(List.of()).get("blacklist")).isEmpty();
            assertThat(lines(".checked.csv").get(2)).contains("INVALID", "PREVIOUSLY_BOUNCED");

            CliRun.Run applied = run(OdooStandin.KEY, args(odoo, "--suppression-list", list.toString(), "--apply"));
            assertThat(applied.status()).as(applied.err()).isZero();
            assertThat(odoo.state(List.of()).get("blacklist").toString())
                    .contains("rebota@cliente.com", "queja@cliente.com").doesNotContain("lleno@");
            assertThat(lines(".blacklist.csv")).containsExactlyInAnyOrder("email,reason,date,odoo_blacklist",
                    "rebota@cliente.com,MAILBOX_DOES_NOT_EXIST,2026-11-03,CREATED",
                    "queja@cliente.com,COMPLAINT,2026-11-04,CREATED");

            Files.writeString(list, "{\"address\":\"x@y.com\",\"reason\":\"LOST\"}\n");
            CliRun.Run bad = run(OdooStandin.KEY, args(odoo, "--suppression-list", list.toString()));
            assertThat(bad.status()).isEqualTo(Main.EXIT_USAGE);
            assertThat(bad.err()).contains("--suppression-list", "line 1 is not an export line");
        }
    }

    @Test
    void aRunThatFailsLeavesNoOutputPretendingToBeComplete() throws IOException {
        try (OdooStandin odoo = OdooStandin.start("17.0", 30)) {
            Files.writeString(dir.resolve("run.checked.csv"), "an older, complete report\n");
            odoo.control(Map.of("action", "faults", "garbage", "<html>proxy error</html>"));
            CliRun.Run failed = run(OdooStandin.KEY, args(odoo, "--page-size", "10"));
            assertThat(failed.status()).isEqualTo(Main.EXIT_FAILURE);
            assertThat(lines(".checked.csv")).containsExactly("an older, complete report");
            assertThat(dir.resolve("run.fixes.csv")).doesNotExist();
        }
    }

    @Test
    void refusesToRunWithoutAnApiKeyAndNamesTheVariable() {
        try (OdooStandin odoo = OdooStandin.start("17.0", 1)) {
            CliRun.Run run = run(null, args(odoo, "--lang", "en"));
            assertThat(run.status()).isEqualTo(Main.EXIT_USAGE);
            assertThat(run.err()).contains("no API key", "ODOO_API_KEY");
        }
    }

    @Test
    void readsTheKeyFromAFileAndReportsOdoosRefusalClearly() throws IOException {
        try (OdooStandin odoo = OdooStandin.start("19.0", 2)) {
            Path key = Files.writeString(dir.resolve("key"), "wrong-key\n");
            CliRun.Run run = run(null, args(odoo, "--api-key-file", key.toString(), "--lang", "en"));
            assertThat(run.status()).isEqualTo(Main.EXIT_FAILURE);
            assertThat(run.err()).contains("Odoo refused the login or API key").doesNotContain("wrong-key");
        }
    }
}
