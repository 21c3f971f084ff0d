package io.github.customeremail;

import java.util.concurrent.CompletableFuture;

/**
 * Checks whether a domain can receive mail. Core defines this interface and has no DNS code of its own; the module
 * {@code customer-email-dns} provides a cached, deadline-bounded implementation.
 *
 * <p>Implementations must be thread-safe, must never complete exceptionally for DNS trouble (answer
 * {@link MailDomainStatus.Indeterminate} instead) and must complete every future within their own deadline.
 */
public interface MailDomainChecker extends AutoCloseable {

    /**
     * Starts a check of one domain.
     *
     * @param asciiDomain a syntactically valid domain in lower-case ASCII (A-label) form, without trailing dot
     * @return a future that completes with the domain's status
     */
    CompletableFuture<MailDomainStatus> check(String asciiDomain);

    /** Releases threads and sockets. The default does nothing. */
    @Override
    default void close() {
    }
}
