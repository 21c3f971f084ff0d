/**
 * A cached, deadline-bounded {@link io.github.customeremail.MailDomainChecker} built on dnsjava and Caffeine:
 * {@link io.github.customeremail.dns.DnsMailDomainChecker}; and the readiness of the company's own sending domain
 * (SPF, DKIM, DMARC, MAIL FROM, blocklists): {@link io.github.customeremail.dns.SenderCheck}.
 *
 * <p>Design decisions, in short:
 * <ul>
 *   <li>Queries go through dnsjava's asynchronous {@code Resolver.sendAsync} with our own {@code Message}s;
 *       dnsjava's {@code Lookup} and its {@code Cache} are not used, so there is exactly one cache (Caffeine), whose
 *       expiry follows the DNS TTLs and whose statistics the checker reports.</li>
 *   <li>One public MX host is enough for {@code HasMx}; MX hosts without any address count as not public.</li>
 *   <li>The deadline is enforced by the checker's own scheduler thread, not by dnsjava's timeouts, which are
 *       checked only about once a second; the inner resolvers' timeouts are capped to a share of the deadline.</li>
 *   <li>Indeterminate outcomes (timeout, SERVFAIL, REFUSED, garbage) are never cached and never mean "invalid":
 *       the facade turns them into {@code UNKNOWN} unless configured fail-closed.</li>
 * </ul>
 *
 * <p>Where things are: {@code DnsMailDomainChecker} is the public facade (builder, statistics, bulk checks through
 * {@code BulkCheck}); {@code DomainStatusCache} caches statuses for their TTL and bounds each lookup by the
 * deadline; {@code MailDomainResolution} reads MX, null MX and implicit MX and judges the mail hosts, whose
 * addresses {@code MailHostAddresses} caches; {@code DnsQueries} sends single questions (bounded by
 * {@code AsyncLimiter}) and reduces each reply to an {@code Answer}.
 */
package io.github.customeremail.dns;
