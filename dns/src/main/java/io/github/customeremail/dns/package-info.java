/**
 * A cached, deadline-bounded {@link io.github.customeremail.MailDomainChecker} built on dnsjava and Caffeine.
 */
package io.github.customeremail.dns;
