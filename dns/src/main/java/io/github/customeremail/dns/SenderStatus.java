package io.github.customeremail.dns;

import java.util.Locale;

/**
 * How one sender-readiness check came out.
 *
 * <p>{@link #UNKNOWN} means DNS did not answer (timeout, SERVFAIL, the deadline passing, a blocklist operator
 * refusing the query): nothing is known, neither good nor bad. A negative answer (NXDOMAIN, NODATA) is an answer
 * and gives {@link #OK}, {@link #WARNING} or {@link #ERROR}.
 */
public enum SenderStatus {
    /** Set up as it should be. */
    OK,
    /** Works, but should be improved (e.g. DMARC {@code p=none}). */
    WARNING,
    /** Mail is likely to be rejected or sent to spam until this is fixed. */
    ERROR,
    /** Could not be verified: DNS did not answer, or the operator refused the query. */
    UNKNOWN;

    /** @return the lower-case name used in JSON ({@code ok}, {@code warning}, {@code error}, {@code unknown}) */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
