package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check [options] ADDRESS...}: checks each address and prints one result per address, in input order. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks email addresses and prints the verdict, the fixed address and the reasons.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(arity = "1..*", paramLabel = "ADDRESS", description = "The addresses to check.")
    List<String> addresses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = options.locale();
        try (CustomerEmailValidator validator = options.validator(spec)) {
            // Start every check first so DNS lookups overlap, then print in input order.
            List<CompletableFuture<EmailCheck>> results = new ArrayList<>(addresses.size());
            for (String address : addresses) {
                results.add(validator.checkAsync(address));
            }
            ResolverWarning warning = new ResolverWarning(spec.commandLine().getErr(), CliText.of(locale));
            for (CompletableFuture<EmailCheck> result : results) {
                EmailCheck check = result.join();
                warning.note(check);
                out.println(options.format == CommonOptions.Format.JSON ? Json.of(check, locale)
                        : text(check, locale));
            }
        }
        out.flush();
        return 0;
    }

    static String text(EmailCheck check, Locale locale) {
        StringBuilder sb = new StringBuilder();
        sb.append(check.verdict()).append("  ").append(printable(check.input()));
        check.normalized().ifPresent(n -> {
            if (!n.equals(check.input())) {
                sb.append("  →  ").append(n);
            }
        });
        sb.append(System.lineSeparator());
        for (Finding f : check.findings()) {
            sb.append("    ").append(marker(f.severity())).append(' ').append(f.code().id()).append(": ")
                    .append(f.message(locale)).append(System.lineSeparator());
        }
        return sb.toString().stripTrailing();
    }

    private static char marker(Severity severity) {
        return switch (severity) {
            case INFO -> '·';
            case WARNING, INDETERMINATE -> '!';
            case SUGGESTION -> '?';
            case ERROR -> '✗';
        };
    }

    /** Shows control characters visibly so a terminal is never driven by input. */
    static String printable(String s) {
        if (s == null) {
            return "(null)";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
