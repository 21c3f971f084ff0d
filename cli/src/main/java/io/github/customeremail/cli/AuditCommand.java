package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code audit FILE.csv} (or {@code FILE.xlsx}): checks the email column of a whole contacts export (Odoo's
 * res.partner by default) and writes, beside it and in the same format, {@code FILE.checked.csv} (every row, in order,
 * with the verdict, suggestion, fixed address, finding codes and a message) and {@code FILE.fixes.csv} (External ID +
 * corrected email of only the rows to fix, ready for Odoo's import). Prints a summary. Never modifies its input; both outputs appear atomically or not at all.
 * The work itself is an {@link AuditRun}.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Checks every email of a CSV or XLSX export (e.g. Odoo contacts) and writes FILE.checked.csv, "
                + "FILE.fixes.csv (.xlsx for an XLSX input) and a summary.",
            "Exit status: 0 when the audit was done (whatever the verdicts), 2 on bad usage, "
                + "1 when it could not be done (unreadable input, unwritable output)."})
final class AuditCommand implements Callable<Integer> {

    /** The {@code --delimiter} option: 0 means detect from the header line. */
    static final class DelimiterConverter implements CommandLine.ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            return switch (value) {
                case "auto" -> '\0';
                case ",", ";" -> value.charAt(0);
                case "tab", "\t" -> '\t';
                default -> throw new CommandLine.TypeConversionException(
                        "--delimiter must be auto, ',' , ';' or tab, not '" + value + "'");
            };
        }
    }

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The CSV or XLSX export to audit (never modified).")
    Path file;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the checked file (default FILE.checked.csv or .xlsx beside the input), "
                    + "in the input's format: a name ending in .csv for a CSV input, .xlsx for an XLSX one. "
                    + "The rows to fix go to the same name ending in .fixes.csv (.fixes.xlsx).")
    Path out;

    @Option(names = "--column", paramLabel = "NAME",
            description = "The header of the email column (default: found by header, e.g. email).")
    String column;

    @Option(names = "--encoding", defaultValue = "auto", paramLabel = "utf-8|windows-1252|auto",
            converter = InputEncoding.Converter.class,
            description = "Input encoding (default auto: UTF-8, or windows-1252 when the file is not valid UTF-8).")
    InputEncoding encoding;

    @Option(names = "--delimiter", defaultValue = "auto", paramLabel = "auto|,|;",
            converter = DelimiterConverter.class,
            description = "Field separator (default auto: ';' when the header has more ';' than ',').")
    Character delimiter;

    @Spec
    CommandSpec spec;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "Progress on stderr (default auto: only when stderr is a terminal).")
    Progress.Mode progress;

    @Option(names = "--dns-parallel", defaultValue = "" + AuditRun.DEFAULT_DOMAINS_IN_FLIGHT, paramLabel = "N",
            description = "Domains looked up in DNS at once (default " + AuditRun.DEFAULT_DOMAINS_IN_FLIGHT
                    + ", 1-" + AuditRun.MAX_DOMAINS_IN_FLIGHT + "); the DNS checker gets "
                    + AuditRun.QUESTIONS_PER_NEW_DOMAIN + " questions in flight per domain.")
    int dnsParallel;

    /** Builds the validator from the options (tests substitute one with a fake mail-domain checker). */
    java.util.function.Function<CommonOptions, CustomerEmailValidator> validators =
            o -> o.validator(spec, AuditRun.QUESTIONS_PER_NEW_DOMAIN * dnsParallel);

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dnsParallel < 1 || dnsParallel > AuditRun.MAX_DOMAINS_IN_FLIGHT) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dns-parallel must be 1-"
                    + AuditRun.MAX_DOMAINS_IN_FLIGHT + ", got " + dnsParallel);
        }
        CliText text = options.text();
        Path input = file.toAbsolutePath().normalize();
        Path checked;
        try {
            checked = (out != null ? out : checkedPathFor(input)).toAbsolutePath().normalize();
        } catch (IOException e) {
            err.println("error: cannot read " + input + ": " + AuditFailure.reason(e, input));
            err.flush();
            return Main.EXIT_FAILURE;
        }
        try {
            if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
                throw new AuditFailure("cannot read " + input + ": "
                        + (Files.isDirectory(input) ? "it is a directory" : Files.exists(input)
                        ? "permission denied" : "no such file"), null);
            }
            String format = formatExtension(input);
            String named = extension(checked.getFileName().toString()).toLowerCase(Locale.ROOT);
            if (!named.isEmpty() && !named.equals(format)) {
                // The outputs repeat the input's cells in its format; a CSV named .xlsx (or the reverse) would not open.
                err.println(text.get("audit.outFormat", out, format.equals(".xlsx") ? "XLSX" : "CSV", format));
                err.flush();
                return Main.EXIT_USAGE;
            }
            Path fixes = fixesPathFor(checked, format);
            if (Files.isDirectory(checked)) {
                err.println("error: --out " + checked + " is a directory; give a file name");
                err.flush();
                return Main.EXIT_USAGE;
            }
            for (Path p : List.of(checked, fixes)) {
                if (p.equals(input) || Files.exists(p) && Files.isSameFile(p, input)) {
                    err.println("error: " + p + " is the input file; the input is never overwritten "
                            + "(choose another --out)");
                    err.flush();
                    return Main.EXIT_USAGE;
                }
            }
            AuditRun.Request request = new AuditRun.Request(input, checked, fixes, file,
                    out != null ? out : file.resolveSibling(checked.getFileName()), column, delimiter, encoding,
                    progress.enabled());
            AuditRun.CustomerEmailValidatorFactory factory = () -> validators.apply(options);
            AuditRun audit = new AuditRun(request, factory, err, text, options.locale(), null);
            AuditSummary.Files files;
            try {
                files = audit.run();
            } catch (AuditFailure.NotUtf8 e) {
                // A windows-1252 file usually fails in its first rows; the first pass is thrown away.
                err.println(text.get("audit.notUtf8", input, e.where.line, e.where.offset));
                audit = new AuditRun(request, factory, err, text, options.locale(), Charset.forName("windows-1252"));
                files = audit.run();
            }
            if (audit.usageError != null) {
                err.println("error: " + audit.usageError);
                err.flush();
                return Main.EXIT_USAGE;
            }
            stdout.print(options.format == CommonOptions.Format.JSON
                    ? audit.summary.json(files) + System.lineSeparator()
                    : audit.summary.text(files, text));
            stdout.flush();
            return 0;
        } catch (AuditFailure | IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_FAILURE;
        }
    }

    /** {@code dir/name.csv} → {@code dir/name<suffix>}; {@code .xlsx} likewise */
    static Path sibling(Path path, String suffix) {
        String name = path.getFileName().toString();
        String ext = extension(name);
        return path.resolveSibling(name.substring(0, name.length() - ext.length()) + suffix);
    }

    /** @return {@code .csv} or {@code .xlsx} (in the case the name has it), or "" */
    static String extension(String name) {
        for (String ext : List.of(".csv", ".xlsx")) {
            if (name.regionMatches(true, Math.max(0, name.length() - ext.length()), ext, 0, ext.length())) {
                return name.substring(name.length() - ext.length());
            }
        }
        return "";
    }

    /**
     * {@code x.checked.csv} → {@code x.fixes.csv}; {@code other.csv} → {@code other.fixes.csv};
     * {@code x.checked.xlsx} → {@code x.fixes.xlsx}; a name without either extension gets {@code format}'s
     */
    static Path fixesPathFor(Path checked, String format) {
        String name = checked.getFileName().toString();
        String named = extension(name).toLowerCase(Locale.ROOT);
        String ext = named.isEmpty() ? format : named;
        String checkedSuffix = ".checked" + ext;
        if (name.toLowerCase(Locale.ROOT).endsWith(checkedSuffix)) {
            return checked.resolveSibling(name.substring(0, name.length() - checkedSuffix.length()) + ".fixes" + ext);
        }
        return sibling(checked, ".fixes" + ext);
    }

    /** @return {@code .xlsx} for a workbook, else {@code .csv}: the extension of the outputs' format */
    static String formatExtension(Path input) throws IOException {
        return Files.isRegularFile(input) && XlsxReader.isXlsx(input) ? ".xlsx" : ".csv";
    }

    /** The checked file's default name: beside the input, in its format. */
    static Path checkedPathFor(Path input) throws IOException {
        return sibling(input, ".checked" + formatExtension(input));
    }
}
