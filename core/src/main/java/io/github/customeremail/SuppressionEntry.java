package io.github.customeremail;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Why one address is suppressed and since when.
 *
 * @param address    the suppressed address (its {@link SuppressionList#key(String) key} is what lookups match)
 * @param reason     why it is suppressed
 * @param date       the day of the bounce or complaint that suppressed it (UTC)
 * @param diagnostic what the receiving mail server said, e.g. {@code smtp; 550 5.1.1 user unknown}; may be empty
 */
public record SuppressionEntry(String address, SuppressionReason reason, LocalDate date, String diagnostic) {

    /** Validates the components; a {@code null} diagnostic becomes empty. */
    public SuppressionEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(date, "date");
        diagnostic = diagnostic == null ? "" : diagnostic;
    }

    /**
     * The SMTP reply code and enhanced status of the {@link #diagnostic()}, e.g. {@code 550 5.1.1} out of
     * {@code smtp; 550 5.1.1 <juan@x.com>: Recipient address rejected}; what is shown to a clerk, who needs the
     * mail server's verdict but not its full text (which may repeat the address).
     *
     * @return the reply code and status found (either may be missing), or empty when the diagnostic has neither
     */
    public String statusSummary() {
        return DiagnosticCodes.summary(diagnostic);
    }
}
