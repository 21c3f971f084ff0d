/**
 * customer-email dns: a cached, deadline-bounded {@code MailDomainChecker} over dnsjava and Caffeine,
 * and the sending domain's readiness ({@code SenderCheck}: SPF, DKIM, DMARC, MAIL FROM, blocklists).
 */
module io.github.customeremail.dns {
    requires transitive io.github.customeremail;
    requires org.dnsjava;
    requires com.github.benmanes.caffeine;

    exports io.github.customeremail.dns;
}
