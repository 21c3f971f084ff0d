package io.github.customeremail.cli;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.FindingCode;
import java.io.PrintWriter;

/**
 * Prints, once per run, that the DNS resolver denies names that exist: every row would otherwise just say UNKNOWN,
 * and the fix (another DNS server) is the operator's, not the clerk's.
 */
final class ResolverWarning {

    private final PrintWriter err;
    private final CliText text;
    private boolean shown;

    ResolverWarning(PrintWriter err, CliText text) {
        this.err = err;
        this.text = text;
    }

    /** @param check a result, or {@code null} for a row without an address */
    void note(EmailCheck check) {
        if (shown || check == null) {
            return;
        }
        check.finding(FindingCode.DNS_RESOLVER_UNRELIABLE).ifPresent(f -> {
            shown = true;
            err.println(text.get("dns.resolverUnreliable", f.parameter("reason")));
            err.flush();
        });
    }
}
