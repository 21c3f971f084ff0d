package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.InMemorySuppressionList;
import io.github.customeremail.SuppressionEntry;
import io.github.customeremail.SuppressionReason;
import io.github.customeremail.odoo.BlacklistOutcome;
import io.github.customeremail.odoo.OdooAddresses;
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
import java.nio.file.StandardCopyOption;
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
 * PREFIX.fixes.csv, prints the audit's summary (text or JSON) with Odoo's own figures, and with {@code --apply}
 * writes the safe repairs back, posts "¿Quiso decir …?" notes and blacklists the suppression list's hard bounces
 * and complaints. A state file records the last contact done, so a run that stops continues where it was; the
 * outputs are written beside their names and moved onto them when the run is complete.
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

    /** What one run counted, beyond the audit's own figures. */
    private static final class Counts {
        final Map<PartnerAudit.Action, Integer> actions = new EnumMap<>(PartnerAudit.Action.class);
        final Map<WriteOutcome.Status, Integer> writes = new EnumMap<>(WriteOutcome.Status.class);
        final Map<BlacklistOutcome.Status, Integer> blacklist = new EnumMap<>(BlacklistOutcome.Status.class);
        int notes;
        int severalAddresses;
        int normalizedDiffers;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliText text = options.text();
        String key;
        InMemorySuppressionList suppressed = null;
        try {
            key = apiKey();
        } catch (IOException e) {
            return usage(err, "--api-key-file " + apiKeyFile + ": " + e.getMessage());
        }
        if (key == null || key.isBlank()) {
            err.println(text.get("odoo.noKey", apiKeyEnv));
            err.flush();
            return Main.EXIT_USAGE;
        }
        if (pageSize < 1 || pageSize > 10_000) {
            return usage(err, "--page-size must be 1..10000, was " + pageSize);
        }
        // The shared --suppression-list / --service list: refused in the checks and, with --apply, its hard bounces
        // and complaints go to Odoo's mail blacklist.
        suppressed = options.suppressions(spec);
        Path prefix = out != null ? out : Path.of("odoo-" + database);
        Path checked = Path.of(prefix + ".checked.csv");
        Path fixes = Path.of(prefix + ".fixes.csv");
        Path blacklistReport = Path.of(prefix + ".blacklist.csv");
        Path state = Path.of(prefix + ".state");
        // Written under these names while the audit runs (and kept for a rerun to continue), then moved onto the
        // targets at once: a checked or fixes file is always complete.
        Path checkedPartial = Path.of(checked + ".partial");
        Path fixesPartial = Path.of(fixes + ".partial");
        AuditSummary summary = new AuditSummary();
        Counts counts = new Counts();
        try (CustomerEmailValidator validator = options.validator(spec, suppressed, 0)) {
            OdooSettings settings;
            try {
                settings = OdooSettings.builder().url(url).database(database).login(user).apiKey(key).build();
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
            OdooClient client = OdooClient.connect(settings);
            OdooPartners partners = new OdooPartners(client, apply ? OdooPartners.Mode.APPLY : OdooPartners.Mode.DRY_RUN);
            int after = resumePoint(state);
            boolean resuming = after > 0 && Files.exists(checkedPartial) && Files.exists(fixesPartial);
            if (resuming) {
                err.println(text.get("odoo.resuming", state, after));
            } else {
                after = 0;
            }
            long total = partners.countAfter(after);
            StandardOpenOption[] mode = resuming ? APPEND : CREATE;
            long[] done = {0};
            try (Writer checkedOut = Files.newBufferedWriter(checkedPartial, StandardCharsets.UTF_8, mode);
                 Writer fixesOut = Files.newBufferedWriter(fixesPartial, StandardCharsets.UTF_8, mode)) {
                CsvWriter checkedCsv = new CsvWriter(checkedOut, ',', "\r\n");
                CsvWriter fixesCsv = new CsvWriter(fixesOut, ',', "\r\n");
                if (!resuming) {
                    checkedCsv.row(List.of("id", ".id", "name", "email", "verdict", "suggestion", "fixed_email",
                            "action", "several_addresses", "odoo_email_normalized_differs", "odoo_write", "codes"));
                    fixesCsv.row(List.of("id", ".id", "email"));
                }
                Progress meter = new Progress(total, () -> done[0], err, progress.enabled());
                partners.readAll(after, pageSize, page -> {
                    try {
                        auditPage(page, validator, partners, checkedCsv, fixesCsv, summary, counts);
                        checkedOut.flush();
                        fixesOut.flush();
                        saveState(state, page.get(page.size() - 1).id());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    for (int i = 0; i < page.size(); i++) {
                        done[0]++;
                        meter.tick();
                    }
                });
                meter.finish();
            }
            if (suppressed != null) {
                blacklist(suppressed, partners, blacklistReport, counts);
            }
            Files.move(fixesPartial, fixes, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(checkedPartial, checked, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(state);
            AuditSummary.Files files = new AuditSummary.Files(url + " (" + database + ")", "UTF-8", ',', "email",
                    checked.toString(), fixes.toString(), (System.nanoTime() - started) / 1_000_000);
            stdout.print(options.format == CommonOptions.Format.JSON
                    ? json(summary, files, counts, client, resuming ? after : 0, suppressed != null ? blacklistReport
                    : null) + System.lineSeparator()
                    : summary.text(files, text) + odooLines(text, counts, resuming ? after : 0,
                    suppressed != null ? blacklistReport : null));
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

    private static int usage(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return Main.EXIT_USAGE;
    }

    private void auditPage(List<OdooPartner> page, CustomerEmailValidator validator, OdooPartners partners,
                           CsvWriter checkedCsv, CsvWriter fixesCsv, AuditSummary summary, Counts counts)
            throws IOException {
        List<PartnerAudit> audits = new ArrayList<>(page.size());
        for (OdooPartner partner : page) {
            EmailCheck check = validator.check(partner.email().orElse(""));
            PartnerAudit audit = PartnerAudit.of(partner, check);
            audits.add(audit);
            summary.add(check);
            counts.actions.merge(audit.action(), 1, Integer::sum);
            counts.severalAddresses += audit.severalAddresses() ? 1 : 0;
            counts.normalizedDiffers += audit.normalizedDiffers() ? 1 : 0;
            summary.safeFixes += audit.action() == PartnerAudit.Action.FIX ? 1 : 0;
        }
        Map<Integer, String> externalIds = partners.externalIds(page.stream().map(OdooPartner::id).toList());
        Map<Integer, String> outcomes = new HashMap<>();
        for (WriteOutcome outcome : partners.applyFixes(
                audits.stream().flatMap(a -> a.fix().stream()).toList(), pageSize)) {
            counts.writes.merge(outcome.status(), 1, Integer::sum);
            outcomes.put(outcome.partnerId(), outcome.status().name());
        }
        for (PartnerAudit audit : audits) {
            if (audit.action() == PartnerAudit.Action.SUGGEST) {
                OdooPartner p = audit.partner();
                int id = partners.postSuggestion(p.id(), p.email().orElse(""),
                        audit.check().suggestion().orElseThrow().address(), options.locale());
                outcomes.put(p.id(), id > 0 ? "NOTE_POSTED" : "WOULD_POST_NOTE");
                counts.notes += id > 0 ? 1 : 0;
            }
        }
        for (PartnerAudit audit : audits) {
            OdooPartner p = audit.partner();
            EmailCheck check = audit.check();
            String externalId = externalIds.getOrDefault(p.id(), "");
            // A report for people who open it in a spreadsheet: no cell becomes a formula.
            checkedCsv.row(List.of(externalId, Integer.toString(p.id()), FormulaGuard.cell(p.name()),
                    FormulaGuard.cell(p.email().orElse("")), check.verdict().name(),
                    FormulaGuard.cell(check.suggestion().map(s -> s.address()).orElse("")),
                    FormulaGuard.cell(audit.fix().map(f -> f.newEmail()).orElse("")), audit.action().name(),
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

    /**
     * Adds the hard-bounced and complained addresses of the suppression list to Odoo's blacklist (a dry run says
     * what it would do) and writes each outcome to the blacklist report, which appears complete or not at all.
     */
    private static void blacklist(InMemorySuppressionList suppressed, OdooPartners partners, Path report,
                                  Counts counts) throws IOException {
        Path partial = Path.of(report + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, CREATE)) {
            CsvWriter csv = new CsvWriter(out, ',', "\r\n");
            csv.row(List.of("email", "reason", "date", "odoo_blacklist"));
            for (SuppressionEntry entry : suppressed.entries()) {
                if (entry.reason() == SuppressionReason.REPEATED_TRANSIENT_BOUNCES) {
                    continue; // temporary failures prove less: not blacklisted in Odoo
                }
                String outcome;
                if (OdooAddresses.odooNormalize(entry.address()).isEmpty()) {
                    outcome = "NOT_AN_ADDRESS";
                } else {
                    BlacklistOutcome done = partners.blacklist(entry.address());
                    counts.blacklist.merge(done.status(), 1, Integer::sum);
                    outcome = done.status().name();
                }
                csv.row(List.of(FormulaGuard.cell(entry.address()), entry.reason().name(), entry.date().toString(),
                        outcome));
            }
        }
        Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The lines only an Odoo audit has, after the audit's own table. */
    private String odooLines(CliText text, Counts counts, int resumedAfter, Path blacklistReport) {
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder();
        s.append(nl);
        if (resumedAfter > 0) {
            s.append(text.get("odoo.resumedFigures", resumedAfter)).append(nl);
        }
        s.append(text.get("odoo.summary", counts.actions.getOrDefault(PartnerAudit.Action.NONE, 0),
                counts.actions.getOrDefault(PartnerAudit.Action.FIX, 0),
                counts.actions.getOrDefault(PartnerAudit.Action.SUGGEST, 0),
                counts.actions.getOrDefault(PartnerAudit.Action.REVIEW, 0))).append(nl);
        s.append(text.get("odoo.addressFields", counts.severalAddresses, counts.normalizedDiffers)).append(nl);
        if (apply) {
            s.append(text.get("odoo.applied", counts.writes.getOrDefault(WriteOutcome.Status.WRITTEN, 0),
                    counts.writes.getOrDefault(WriteOutcome.Status.SKIPPED_CHANGED, 0)
                            + counts.writes.getOrDefault(WriteOutcome.Status.SKIPPED_MISSING, 0)
                            + counts.writes.getOrDefault(WriteOutcome.Status.ALREADY_WRITTEN, 0),
                    counts.writes.getOrDefault(WriteOutcome.Status.FAILED, 0), counts.notes));
        } else {
            s.append(text.get("odoo.dryRun"));
        }
        s.append(nl);
        if (blacklistReport != null) {
            s.append(text.get("odoo.blacklisted", counts.blacklist.getOrDefault(BlacklistOutcome.Status.CREATED, 0)
                            + counts.blacklist.getOrDefault(BlacklistOutcome.Status.WOULD_CREATE, 0),
                    counts.blacklist.getOrDefault(BlacklistOutcome.Status.REACTIVATED, 0)
                            + counts.blacklist.getOrDefault(BlacklistOutcome.Status.WOULD_REACTIVATE, 0),
                    counts.blacklist.getOrDefault(BlacklistOutcome.Status.ALREADY_BLACKLISTED, 0), blacklistReport))
                    .append(nl);
        }
        return s.toString();
    }

    /** The audit's JSON summary with an {@code odoo} object added. */
    private String json(AuditSummary summary, AuditSummary.Files files, Counts counts, OdooClient client,
                        int resumedAfter, Path blacklistReport) {
        String audit = summary.json(files);
        StringBuilder s = new StringBuilder(audit.length() + 512).append(audit, 0, audit.length() - 1);
        s.append(",\"odoo\":{\"url\":");
        Json.string(s, url);
        s.append(",\"database\":");
        Json.string(s, database);
        s.append(",\"protocol\":");
        Json.string(s, client.protocol().name());
        s.append(",\"apply\":").append(apply);
        s.append(",\"resumed_after_id\":").append(resumedAfter);
        s.append(",\"actions\":");
        counts(s, counts.actions);
        s.append(",\"writes\":");
        counts(s, counts.writes);
        s.append(",\"notes_posted\":").append(counts.notes);
        s.append(",\"several_addresses\":").append(counts.severalAddresses);
        s.append(",\"email_normalized_differs\":").append(counts.normalizedDiffers);
        s.append(",\"blacklist\":");
        counts(s, counts.blacklist);
        s.append(",\"blacklist_report\":");
        Json.string(s, blacklistReport == null ? null : blacklistReport.toString());
        return s.append("}}").toString();
    }

    private static void counts(StringBuilder s, Map<? extends Enum<?>, Integer> counts) {
        s.append('{');
        boolean first = true;
        for (Map.Entry<? extends Enum<?>, Integer> e : counts.entrySet()) {
            s.append(first ? "" : ",").append('"').append(e.getKey().name()).append("\":").append(e.getValue());
            first = false;
        }
        s.append('}');
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
