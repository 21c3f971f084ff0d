package io.github.customeremail.dns;

import io.github.customeremail.MailDomainStatus;

/**
 * What resolving one domain's mail hosts came to: a status DNS decided, with the TTL it may be cached for, or no
 * decision. Sealed so that a new kind of outcome (a referral, an answer that is only a CNAME…) is a new record that
 * every consumer has to handle.
 */
sealed interface Resolution {

    /**
     * DNS decided.
     *
     * @param status     what the records say; never {@link MailDomainStatus.Indeterminate}
     * @param ttlSeconds the smallest TTL of the records it was decided from, -1 if unknown
     */
    record Decided(MailDomainStatus status, long ttlSeconds) implements Resolution { }

    /**
     * DNS gave no usable answer.
     *
     * @param reason a short technical reason ({@code timeout}, {@code SERVFAIL}, …)
     */
    record Undecided(String reason) implements Resolution { }
}
