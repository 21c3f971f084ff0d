package io.github.customeremail.dns;

import io.github.customeremail.MailDomainStatus;
import java.time.Duration;

/**
 * Told about every DNS lookup a {@link DnsMailDomainChecker} makes for a domain that was not cached, e.g. to time
 * lookups for metrics. Checks answered from the cache and checks that joined a lookup in flight are not reported.
 * Set with {@link DnsMailDomainChecker.Builder#lookupListener(LookupListener)}.
 */
@FunctionalInterface
public interface LookupListener {

    /**
     * Called once per lookup when it ends, on the thread that ended it; must be quick and thread-safe. What it
     * throws is ignored.
     *
     * @param asciiDomain the domain looked up
     * @param status the outcome; {@link MailDomainStatus.Indeterminate} with reason {@code deadline} when the
     *               deadline ended the lookup
     * @param elapsed from the start of the lookup to its end
     */
    void lookupEnded(String asciiDomain, MailDomainStatus status, Duration elapsed);
}
