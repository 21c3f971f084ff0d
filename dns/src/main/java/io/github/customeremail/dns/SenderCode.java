package io.github.customeremail.dns;

/**
 * The stable codes of sender-readiness outcomes; each has one {@link SenderStatus}. Switch on them; the messages
 * ({@link SenderFinding#message(java.util.Locale)}) are for people and may change.
 */
public enum SenderCode {
    // SPF of the sending domain (check names spf*) or of the custom MAIL FROM domain (mail-from.spf*)
    /** One {@code v=spf1} record, well-formed. */
    SPF_FOUND(SenderStatus.OK),
    /** No {@code v=spf1} record (NXDOMAIN, or no such TXT record). */
    SPF_MISSING(SenderStatus.ERROR),
    /** More than one {@code v=spf1} record: receivers treat that as a permanent error (RFC 7208 4.5). */
    SPF_MULTIPLE(SenderStatus.ERROR),
    /** A term of the record does not follow RFC 7208's syntax. */
    SPF_SYNTAX(SenderStatus.ERROR),
    /** The SPF record could not be read (timeout, SERVFAIL). */
    SPF_UNKNOWN(SenderStatus.UNKNOWN),
    /** At most 10 DNS-querying terms, counted through include and redirect. */
    SPF_LOOKUPS_OK(SenderStatus.OK),
    /** More than 10 DNS-querying terms: receivers answer permerror (RFC 7208 4.6.4). */
    SPF_TOO_MANY_LOOKUPS(SenderStatus.ERROR),
    /** Some included records could not be read (each listed with why), so the count is incomplete. */
    SPF_LOOKUPS_UNKNOWN(SenderStatus.UNKNOWN),
    /** At most 2 lookups that return no record. */
    SPF_VOID_LOOKUPS_OK(SenderStatus.OK),
    /** More than 2 lookups return no record: receivers may answer permerror (RFC 7208 4.6.4). */
    SPF_TOO_MANY_VOID_LOOKUPS(SenderStatus.ERROR),
    /** An include or redirect names a domain without an SPF record: permerror. */
    SPF_INCLUDE_MISSING(SenderStatus.ERROR),
    /** An include or redirect names a domain whose SPF record is broken (several records, bad syntax). */
    SPF_INCLUDE_INVALID(SenderStatus.ERROR),
    /**
     * An {@code mx} mechanism whose MX lookup returns more than 10 names: receivers answer permerror
     * (RFC 7208 4.6.4). The MX lookup itself counts once toward the 10 lookups.
     */
    SPF_MX_TOO_MANY_NAMES(SenderStatus.ERROR),
    /** Includes or redirects form a loop. */
    SPF_INCLUDE_LOOP(SenderStatus.ERROR),
    /** Ends with {@code -all}: other senders fail. */
    SPF_ALL_FAIL(SenderStatus.OK),
    /** Ends with {@code ~all}: other senders soft-fail. */
    SPF_ALL_SOFTFAIL(SenderStatus.OK),
    /** Ends with {@code ?all}: other senders are neutral, SPF protects nothing. */
    SPF_ALL_NEUTRAL(SenderStatus.WARNING),
    /** Ends with {@code +all} or {@code all}: anyone may send as the domain. */
    SPF_ALL_PASS(SenderStatus.ERROR),
    /** No {@code all} and no redirect: unlisted senders get neutral. */
    SPF_NO_ALL(SenderStatus.WARNING),
    /** The final {@code all} is in a redirect target that could not be read. */
    SPF_ALL_UNKNOWN(SenderStatus.UNKNOWN),
    /** The record authorizes Amazon SES ({@code include:amazonses.com}). */
    SPF_SES_INCLUDED(SenderStatus.OK),
    /** The envelope sender is this domain, and its SPF does not authorize Amazon SES. */
    SPF_SES_MISSING(SenderStatus.ERROR),
    /** The envelope sender is another domain (SES's own or the custom MAIL FROM): SES need not be listed here. */
    SPF_SES_NOT_NEEDED(SenderStatus.OK),
    /** The record uses {@code ptr}, which RFC 7208 says not to use. */
    SPF_PTR(SenderStatus.WARNING),

    // DKIM (dkim, dkim.SELECTOR, dkim.ses.TOKEN)
    /** The key record exists and parses, with a long enough key (RSA 2048 bits or more, or Ed25519). */
    DKIM_KEY_OK(SenderStatus.OK),
    /**
     * Every working key is Ed25519 (RFC 8463): modern receivers verify it, receivers that know only RSA see no
     * valid signature, so an RSA selector beside it is recommended (check name {@code dkim}).
     */
    DKIM_ED25519_ONLY(SenderStatus.WARNING),
    /** An RSA key of 1024 to 2047 bits: accepted today, 2048 recommended. */
    DKIM_KEY_WEAK(SenderStatus.WARNING),
    /** An RSA key shorter than 1024 bits: receivers ignore the signature (RFC 8301). */
    DKIM_KEY_TOO_SHORT(SenderStatus.ERROR),
    /** No key record at the selector. */
    DKIM_KEY_MISSING(SenderStatus.ERROR),
    /** The key is revoked ({@code p=} empty). */
    DKIM_KEY_REVOKED(SenderStatus.ERROR),
    /** The key record does not parse (tags, key type, base64, key data). */
    DKIM_KEY_MALFORMED(SenderStatus.ERROR),
    /** The key record could not be read. */
    DKIM_UNKNOWN(SenderStatus.UNKNOWN),
    /** An SES Easy DKIM CNAME is missing. */
    DKIM_SES_CNAME_MISSING(SenderStatus.ERROR),
    /** An SES Easy DKIM name exists but does not point to SES. */
    DKIM_SES_CNAME_WRONG(SenderStatus.ERROR),
    /** No DKIM selector or SES token was given, so DKIM was not checked. */
    DKIM_NOT_CONFIGURED(SenderStatus.UNKNOWN),

    // DMARC (dmarc, dmarc.policy, dmarc.pct, dmarc.sp, dmarc.reports, dmarc.rua.DEST, dmarc.ruf.DEST, dmarc.alignment)
    /** One {@code v=DMARC1} record at {@code _dmarc.DOMAIN}, well-formed. */
    DMARC_FOUND(SenderStatus.OK),
    /** No DMARC record. */
    DMARC_MISSING(SenderStatus.ERROR),
    /** More than one DMARC record: receivers apply none (RFC 7489 6.6.3). */
    DMARC_MULTIPLE(SenderStatus.ERROR),
    /** The record does not follow RFC 7489's syntax. */
    DMARC_MALFORMED(SenderStatus.ERROR),
    /** The record could not be read. */
    DMARC_UNKNOWN(SenderStatus.UNKNOWN),
    /** {@code p=quarantine} or {@code p=reject}. */
    DMARC_POLICY_OK(SenderStatus.OK),
    /** {@code p=none}: monitoring only, forged mail is delivered. */
    DMARC_POLICY_NONE(SenderStatus.WARNING),
    /** {@code pct} below 100: the policy applies to part of the failing mail only. */
    DMARC_PCT_PARTIAL(SenderStatus.WARNING),
    /** {@code sp} is weaker than {@code p}: subdomains are less protected. */
    DMARC_SUBDOMAIN_POLICY_WEAKER(SenderStatus.WARNING),
    /** No {@code rua}: nobody receives the aggregate reports. */
    DMARC_NO_REPORTS(SenderStatus.WARNING),
    /** A report destination within the domain itself: no authorization needed. */
    DMARC_REPORTS_INTERNAL(SenderStatus.OK),
    /** An external report destination that publishes its authorization record. */
    DMARC_EXTERNAL_AUTHORIZED(SenderStatus.OK),
    /** An external report destination without its authorization record: it receives no reports. */
    DMARC_EXTERNAL_NOT_AUTHORIZED(SenderStatus.ERROR),
    /** The authorization record of an external destination could not be read. */
    DMARC_EXTERNAL_UNKNOWN(SenderStatus.UNKNOWN),
    /** SPF (custom MAIL FROM) and DKIM can both align. */
    DMARC_ALIGNED_SPF_AND_DKIM(SenderStatus.OK),
    /** SPF cannot align (SES's default MAIL FROM, or strict SPF alignment); DMARC rests on DKIM, which is fine. */
    DMARC_ALIGNED_DKIM_ONLY(SenderStatus.OK),
    /** Only SPF through the custom MAIL FROM can align; DKIM failed. */
    DMARC_ALIGNED_SPF_ONLY(SenderStatus.WARNING),
    /** SPF cannot align and DKIM failed: mail fails DMARC. */
    DMARC_NOT_ALIGNED(SenderStatus.ERROR),
    /** SPF cannot align and DKIM was not (or could not be) verified. */
    DMARC_ALIGNMENT_UNKNOWN(SenderStatus.UNKNOWN),

    // Custom MAIL FROM domain (mail-from, mail-from.mx, mail-from.spf*)
    /** No custom MAIL FROM: SES's own domain is the envelope sender. */
    MAIL_FROM_SES_DEFAULT(SenderStatus.OK),
    /** The MAIL FROM domain's MX points to SES's feedback endpoint. */
    MAIL_FROM_MX_OK(SenderStatus.OK),
    /** The MAIL FROM domain has no MX: SES falls back to its own domain (or rejects, per its setting). */
    MAIL_FROM_MX_MISSING(SenderStatus.ERROR),
    /** The MAIL FROM domain's MX points elsewhere. */
    MAIL_FROM_MX_WRONG(SenderStatus.ERROR),
    /** The MAIL FROM domain's MX could not be read. */
    MAIL_FROM_UNKNOWN(SenderStatus.UNKNOWN),

    // Blocklists (blocklists, blocklist.ZONE, blocklist.ZONE.IP)
    /** No blocklist is configured, so none was queried. */
    BLOCKLIST_NOT_CONFIGURED(SenderStatus.UNKNOWN),
    /** IP blocklists are configured but no own sending IP: SES watches its shared IPs. */
    BLOCKLIST_SES_SHARED_IPS(SenderStatus.OK),
    /** Not on this list (NXDOMAIN). */
    BLOCKLIST_NOT_LISTED(SenderStatus.OK),
    /** On this list. */
    BLOCKLIST_LISTED(SenderStatus.ERROR),
    /** The operator refused the query (public resolver, over the free limit, or a bad zone name). */
    BLOCKLIST_REFUSED(SenderStatus.UNKNOWN),
    /** An answer outside 127.0.0.0/8: not a blocklist answer (a resolver rewriting NXDOMAIN, for instance). */
    BLOCKLIST_UNEXPECTED_ANSWER(SenderStatus.UNKNOWN),
    /** The list did not answer (timeout, SERVFAIL). */
    BLOCKLIST_UNKNOWN(SenderStatus.UNKNOWN);

    private final SenderStatus status;

    SenderCode(SenderStatus status) {
        this.status = status;
    }

    /** @return the status of this outcome */
    public SenderStatus status() {
        return status;
    }
}
