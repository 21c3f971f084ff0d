package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.odoo.OdooClient;
import io.github.customeremail.odoo.OdooException;
import io.github.customeremail.odoo.OdooPartner;
import io.github.customeremail.odoo.OdooPartners;
import io.github.customeremail.odoo.OdooSettings;
import io.github.customeremail.odoo.PartnerAudit;
import io.github.customeremail.odoo.WriteOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code odoo audit}: reads Odoo's contacts page by page, checks every address, writes PREFIX.checked.csv and
 * PREFIX.fixes.csv, and with {@code --apply} writes the safe repairs back and posts "¿Quiso decir …?" notes.
 * A state file records the last contact done, so a run that stops continues where it was.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audits the contacts of a live Odoo database. Dry run unless --apply.",
            "Exit status: 0 when the audit was done, 2 on bad usage, 1 when Odoo could not be read or written."})
final class OdooAuditCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Odoo's address, e.g. https://erp.example.com")
    String url;

    @Option(names = "--db", required = true, paramLabel = "NAME", description = "The database name.")
    String database;

    @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "The login the API key belongs to.")
    String user;

    @Option(names = "--api-key-env", defaultValue = "ODOO_API_KEY", paramLabel = "VAR",
            description = "Environment variable holding the API key (default ODOO_API_KEY).")
    String apiKeyEnv;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "File holding the API key (first line); takes precedence over --api-key-env.")
    Path apiKeyFile;

    @Option(names = "--out", paramLabel = "PREFIX",
            description = "Output prefix (default odoo-DB): PREFIX.checked.csv, PREFIX.fixes.csv, PREFIX.state.")
    Path out;

    @Option(names = "--page-size", defaultValue = "500", paramLabel = "N", description = "Contacts per page (default 500).")
    int pageSize;

    @Option(names = "--apply", description = "Write the safe repairs and post the notes (default: dry run).")
    boolean apply;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "Progress on stderr (default auto: only when stderr is a terminal).")
    Progress.Mode progress;

    @Spec
    CommandSpec spec;

    /** Reads an environment variable (tests substitute one). */
    java.util.function.UnaryOperator<String> environment = System::getenv;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliText text = options.text();
        String key;
        try {
            key = apiKey();
        } catch (IOException e) {
            err.println("error: --api-key-file " + apiKeyFile + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
        if (key == null || key.isBlank()) {
            err.println(text.get("odoo.noKey", apiKeyEnv));
            err.flush();
            return Main.EXIT_USAGE;
        }
        if (pageSize < 1 || pageSize > 10_000) {
            err.println("error: --page-size must be 1..10000, was " + pageSize);
            err.flush();
            return Main.EXIT_USAGE;
        }
        Path prefix = out != null ? out : Path.of("odoo-" + database);
        Path checked = Path.of(prefix + ".checked.csv");
        Path fixes = Path.of(prefix + ".fixes.csv");
        Path state = Path.of(prefix + ".state");
        Map<PartnerAudit.Action, Integer> actions = new EnumMap<>(PartnerAudit.Action.class);
        Map<WriteOutcome.Status, Integer> writes = new EnumMap<>(WriteOutcome.Status.class);
        int[] notes = {0};
        try (CustomerEmailValidator validator = options.validator(spec)) {
            OdooSettings settings;
            try {
                settings = OdooSettings.builder().url(url).database(database).login(user).apiKey(key).build();
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return Main.EXIT_USAGE;
            }
            OdooClient client = OdooClient.connect(settings);
            OdooPartners partners = new OdooPartners(client, apply ? OdooPartners.Mode.APPLY : OdooPartners.Mode.DRY_RUN);
            int after = resumePoint(state);
            boolean resuming = after > 0;
            if (resuming) {
                err.println(text.get("odoo.resuming", state, after));
            }
            StandardOpenOption[] mode = resuming ? APPEND : CREATE;
            try (Writer checkedOut = Files.newBufferedWriter(checked, StandardCharsets.UTF_8, mode);
                 Writer fixesOut = Files.newBufferedWriter(fixes, StandardCharsets.UTF_8, mode)) {
                CsvWriter checkedCsv = new CsvWriter(checkedOut, ',', "\r\n");
                CsvWriter fixesCsv = new CsvWriter(fixesOut, ',', "\r\n");
                if (!resuming) {
                    checkedCsv.row(List.of("id", ".id", "name", "email", "verdict", "suggestion", "fixed_email",
                            "action", "several_addresses", "odoo_email_normalized_differs", "odoo_write", "codes"));
                    fixesCsv.row(List.of("id", ".id", "email"));
                }
                long[] done = {0};
                Progress.Mode shown = progress;
                partners.readAll(after, pageSize, page -> {
                    try {
                        auditPage(page, validator, partners, checkedCsv, fixesCsv, actions, writes, notes);
                        checkedOut.flush();
                        fixesOut.flush();
                        saveState(state, page.get(page.size() - 1).id());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    done[0] += page.size();
                    if (shown.enabled()) {
                        err.print("\r" + text.get("odoo.progress", done[0]));
                        err.flush();
                    }
                });
                if (shown.enabled()) {
                    err.println();
                }
            }
            Files.deleteIfExists(state);
            stdout.println(summary(text, checked, fixes, actions, writes, notes[0]));
            stdout.flush();
            return 0;
        } catch (OdooException e) {
            err.println(text.get("odoo.failed", e.getMessage(), state));
            err.flush();
            return Main.EXIT_FAILURE;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_FAILURE;
        }
    }

    private void auditPage(List<OdooPartner> page, CustomerEmailValidator validator, OdooPartners partners,
                           CsvWriter checkedCsv, CsvWriter fixesCsv, Map<PartnerAudit.Action, Integer> actions,
                           Map<WriteOutcome.Status, Integer> writes, int[] notes) throws IOException {
        List<PartnerAudit> audits = new ArrayList<>(page.size());
        for (OdooPartner partner : page) {
            EmailCheck check = validator.check(partner.email().orElse(""));
            PartnerAudit audit = PartnerAudit.of(partner, check);
            audits.add(audit);
            actions.merge(audit.action(), 1, Integer::sum);
        }
        Map<Integer, String> externalIds = partners.externalIds(page.stream().map(OdooPartner::id).toList());
        Map<Integer, String> outcomes = new HashMap<>();
        for (WriteOutcome outcome : partners.applyFixes(
                audits.stream().flatMap(a -> a.fix().stream()).toList(), pageSize)) {
            writes.merge(outcome.status(), 1, Integer::sum);
            outcomes.put(outcome.partnerId(), outcome.status().name());
        }
        for (PartnerAudit audit : audits) {
            if (audit.action() == PartnerAudit.Action.SUGGEST) {
                OdooPartner p = audit.partner();
                int id = partners.postSuggestion(p.id(), p.email().orElse(""),
                        audit.check().suggestion().orElseThrow().address(), options.locale());
                outcomes.put(p.id(), id > 0 ? "NOTE_POSTED" : "WOULD_POST_NOTE");
                notes[0] += id > 0 ? 1 : 0;
            }
        }
        for (PartnerAudit audit : audits) {
            OdooPartner p = audit.partner();
            EmailCheck check = audit.check();
            String externalId = externalIds.getOrDefault(p.id(), "");
            checkedCsv.row(List.of(externalId, Integer.toString(p.id()), p.name(), p.email().orElse(""),
                    check.verdict().name(), check.suggestion().map(s -> s.address()).orElse(""),
                    audit.fix().map(f -> f.newEmail()).orElse(""), audit.action().name(),
                    Boolean.toString(audit.severalAddresses()), Boolean.toString(audit.normalizedDiffers()),
                    outcomes.getOrDefault(p.id(), ""),
                    check.findings().stream().map(f -> f.code().toString()).collect(Collectors.joining(" "))));
            if (audit.action() == PartnerAudit.Action.FIX) {
                // A contact without an external id is named by database id: a new external id would import as a
                // new contact.
                fixesCsv.row(List.of(externalId, externalId.isEmpty() ? Integer.toString(p.id()) : "",
                        audit.fix().orElseThrow().newEmail()));
            }
        }
    }

    private String summary(CliText text, Path checked, Path fixes, Map<PartnerAudit.Action, Integer> actions,
                           Map<WriteOutcome.Status, Integer> writes, int notes) {
        StringBuilder s = new StringBuilder();
        s.append(text.get("odoo.summary", actions.getOrDefault(PartnerAudit.Action.NONE, 0),
                actions.getOrDefault(PartnerAudit.Action.FIX, 0), actions.getOrDefault(PartnerAudit.Action.SUGGEST, 0),
                actions.getOrDefault(PartnerAudit.Action.REVIEW, 0))).append(System.lineSeparator());
        if (apply) {
            s.append(text.get("odoo.applied", writes.getOrDefault(WriteOutcome.Status.WRITTEN, 0),
                    writes.getOrDefault(WriteOutcome.Status.SKIPPED_CHANGED, 0)
                            + writes.getOrDefault(WriteOutcome.Status.SKIPPED_MISSING, 0)
                            + writes.getOrDefault(WriteOutcome.Status.ALREADY_WRITTEN, 0),
                    writes.getOrDefault(WriteOutcome.Status.FAILED, 0), notes));
        } else {
            s.append(text.get("odoo.dryRun"));
        }
        s.append(System.lineSeparator()).append(text.get("odoo.files", checked, fixes));
        return s.toString();
    }

    private String apiKey() throws IOException {
        if (apiKeyFile != null) {
            List<String> lines = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? null : lines.get(0).strip();
        }
        return environment.apply(apiKeyEnv);
    }

    private static int resumePoint(Path state) throws IOException {
        if (!Files.exists(state)) {
            return 0;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            return Integer.parseInt(p.getProperty("last_partner_id", "0").strip());
        } catch (NumberFormatException e) {
            throw new IOException("state file " + state + " is damaged: " + e.getMessage(), e);
        }
    }

    private static void saveState(Path state, int lastPartnerId) throws IOException {
        Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
        Files.writeString(temporary, "# odoo audit: contacts up to this id are done; delete to start over\n"
                + "last_partner_id=" + lastPartnerId + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, state, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The output files are written fresh, or appended to when resuming. */
    private static final StandardOpenOption[] CREATE = {StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE};
    private static final StandardOpenOption[] APPEND = {StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE};
}
