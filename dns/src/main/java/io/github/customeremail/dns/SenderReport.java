package io.github.customeremail.dns;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@link SenderCheck} found about one sending domain, in a fixed order: SPF, DKIM, DMARC, the custom
 * MAIL FROM domain, blocklists.
 *
 * @param domain the sending domain checked (lower-case ASCII)
 * @param checks the outcome of each check
 */
public record SenderReport(String domain, List<SenderFinding> checks) {

    /**
     * @throws NullPointerException if an argument is null
     */
    public SenderReport {
        Objects.requireNonNull(domain, "domain");
        checks = List.copyOf(checks);
    }

    /**
     * The overall status: {@link SenderStatus#ERROR} if any check is an error, else {@link SenderStatus#UNKNOWN}
     * if any could not be verified, else {@link SenderStatus#WARNING} if any is a warning, else
     * {@link SenderStatus#OK}.
     *
     * @return the overall status
     */
    public SenderStatus status() {
        boolean unknown = false;
        boolean warning = false;
        for (SenderFinding f : checks) {
            switch (f.status()) {
                case ERROR -> {
                    return SenderStatus.ERROR;
                }
                case UNKNOWN -> unknown = true;
                case WARNING -> warning = true;
                case OK -> { }
            }
        }
        return unknown ? SenderStatus.UNKNOWN : warning ? SenderStatus.WARNING : SenderStatus.OK;
    }

    /**
     * @param name a check name such as {@code spf.lookups}
     * @return the checks of that name (one, or none when it was not made)
     */
    public List<SenderFinding> named(String name) {
        return checks.stream().filter(f -> f.name().equals(name)).toList();
    }
}
