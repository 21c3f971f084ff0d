package io.github.customeremail.cli;

import io.github.customeremail.dns.SenderCheck;
import io.github.customeremail.dns.SenderDomain;
import io.github.customeremail.dns.SenderFinding;
import io.github.customeremail.dns.SenderReport;
import io.github.customeremail.dns.SenderStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sender [options] DOMAIN...}: checks that the company's own sending domains are ready to send through
 * Amazon SES (SPF, DKIM, DMARC, MAIL FROM, blocklists) and prints a short to-do list, or one JSON object per domain.
 */
@Command(name = "sender", mixinStandardHelpOptions = true,
        description = "Checks your own sending domain: SPF, DKIM, DMARC, MAIL FROM (Amazon SES) and blocklists.")
final class SenderCommand implements Callable<Integer> {


    @Parameters(arity = "1..*", paramLabel = "DOMAIN", description = "Your sending domains, e.g. tumatera.com.")
    List<String> domains;

    @Option(names = "--dkim-selector", paramLabel = "S", description = "A DKIM selector to check (repeatable).")
    List<String> selectors = new ArrayList<>();

    @Option(names = "--ses-region", paramLabel = "R", description = "Your Amazon SES region, e.g. us-east-1.")
    String sesRegion;

    @Option(names = "--ses-dkim-token", paramLabel = "T",
            description = "An SES Easy DKIM token (repeatable; the SES console lists three).")
    List<String> sesTokens = new ArrayList<>();

    @Option(names = "--mail-from", paramLabel = "SUBDOMAIN",
            description = "Your custom MAIL FROM domain, e.g. bounce or bounce.tumatera.com.")
    String mailFrom;

    @Option(names = "--blocklist", paramLabel = "ZONE",
            description = "A blocklist zone to query (repeatable; none by default): a known zone such as "
                    + "dbl.spamhaus.org, or domain:ZONE / ip:ZONE. Read the operator's terms first.")
    List<String> blocklists = new ArrayList<>();

    @Option(names = "--sending-ip", paramLabel = "IP",
            description = "Your own sending IP (dedicated SES IP or own mail server), checked on IP blocklists.")
    List<String> sendingIps = new ArrayList<>();

    @Option(names = "--dns", defaultValue = "system", paramLabel = "system|HOST[:PORT]",
            converter = DnsSetting.Converter.class,
            description = "The system resolvers (default) or one DNS server (an IP address).")
    DnsSetting dns;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (default): a to-do list; json: one object per domain and line.")
    CommonOptions.Format format;

    @Option(names = "--lang", defaultValue = "es", paramLabel = "es|en|pt",
            description = "Language of the messages: es (default), en or pt.")
    CommonOptions.Lang lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean json = format == CommonOptions.Format.JSON;
        Locale locale = lang.locale();
        List<SenderDomain> setups = setups();
        PrintWriter out = spec.commandLine().getOut();
        try (SenderCheck check = senderCheck()) {
            List<CompletableFuture<SenderReport>> reports = new ArrayList<>();
            for (SenderDomain d : setups) {
                reports.add(check.check(d));
            }
            for (CompletableFuture<SenderReport> report : reports) {
                out.println(json ? json(report.join(), locale) : text(report.join(), locale));
            }
        }
        out.flush();
        return 0;
    }

    private List<SenderDomain> setups() {
        List<SenderDomain> out = new ArrayList<>();
        try {
            for (String domain : domains) {
                SenderDomain.Builder b = SenderDomain.builder(domain)
                        .dkimSelectors(selectors.toArray(String[]::new))
                        .sesDkimTokens(sesTokens.toArray(String[]::new))
                        .sendingIps(sendingIps.toArray(String[]::new));
                if (sesRegion != null) {
                    b.sesRegion(sesRegion);
                }
                if (mailFrom != null) {
                    b.mailFrom(mailFrom);
                }
                out.add(b.build());
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return out;
    }

    private SenderCheck senderCheck() {
        SenderCheck.Builder b = SenderCheck.builder();
        try {
            for (String zone : blocklists) {
                b.blocklist(zone);
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        switch (dns.mode()) {
            case OFF -> throw usage("--dns off: the sender check is made of DNS queries; use system or HOST[:PORT]");
            case SERVER -> b.server(dns.host(), dns.port());
            case SYSTEM -> { }
        }
        return b.build();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Errors first, then warnings, then what could not be verified; what is in order in one closing line. */
    static String text(SenderReport report, Locale locale) {
        CliText cli = CliText.of(locale);
        List<SenderFinding> todo = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (SenderFinding f : report.checks()) {
            if (f.status() == SenderStatus.OK) {
                fine.add(f.name());
            } else {
                todo.add(f);
            }
        }
        todo.sort(Comparator.comparingInt(f -> order(f.status())));
        long toFix = todo.stream().filter(f -> f.status() != SenderStatus.UNKNOWN).count();
        long unknown = todo.size() - toFix;
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(cli.get(todo.isEmpty() ? "sender.ready" : "sender.todo", report.domain(), toFix, unknown)).append(nl);
        for (SenderFinding f : todo) {
            sb.append("  ").append(marker(f.status())).append(' ').append(f.name()).append(": ")
                    .append(f.message(locale)).append(nl);
        }
        if (!fine.isEmpty()) {
            sb.append("  ✓ ").append(cli.get("sender.inOrder", fine.size(), String.join(", ", fine)))
                    .append(nl);
        }
        return sb.toString().stripTrailing();
    }

    private static int order(SenderStatus s) {
        return switch (s) {
            case ERROR -> 0;
            case WARNING -> 1;
            case UNKNOWN -> 2;
            case OK -> 3;
        };
    }

    private static char marker(SenderStatus s) {
        return switch (s) {
            case ERROR -> '✗';
            case WARNING -> '!';
            case UNKNOWN -> '?';
            case OK -> '✓';
        };
    }

    /** {@code {"domain":…,"status":…,"checks":[{"name":…,"status":…,"code":…,"message":…}]}} */
    static String json(SenderReport report, Locale locale) {
        StringBuilder out = new StringBuilder(1024);
        out.append("{\"domain\":");
        Json.string(out, report.domain());
        out.append(",\"status\":");
        Json.string(out, report.status().id());
        out.append(",\"checks\":[");
        boolean first = true;
        for (SenderFinding f : report.checks()) {
            out.append(first ? "" : ",").append("{\"name\":");
            first = false;
            Json.string(out, f.name());
            out.append(",\"status\":");
            Json.string(out, f.status().id());
            out.append(",\"code\":");
            Json.string(out, f.code().name());
            out.append(",\"message\":");
            Json.string(out, f.message(locale));
            out.append('}');
        }
        return out.append("]}").toString();
    }
}
